// German walks in a real terminal, chosen by the locale alone: the questions, the choices and the
// verdict in German (the tool's own words stay English until they are translated), on the fixture
// tree and on the built-in tree with its catalogue.
import { describe, expect, it } from 'vitest';
import { KEY, startInTerminal } from './terminal.js';

describe('LANG=de_DE.UTF-8 in a terminal', () => {
  it('asks in German and prints a German verdict', async () => {
    const { term, screen, waitFor, exited } = startInTerminal(['--tree', 'tests/fixtures/objection.yaml', '--no-pager'], { env: { LANG: 'de_DE.UTF-8' } });
    await waitFor('Wo wohnst du?');
    await waitFor('Dein Wohnsitzland entscheidet, welche Rechte für dich gelten.');
    await waitFor('Europäische Union');
    term.write(KEY.enter);
    await waitFor('Welche App?');
    term.write(KEY.down); // Eine Chat-App
    await waitFor('Eine Chat-App');
    term.write(KEY.enter);
    expect(await exited).toBe(0);
    expect(screen()).toContain('Du kannst widersprechen (opt-out)');
    expect(screen()).toContain('Beantworte „Bezieht sich deine Anfrage auf KI bei Meta?“ mit „Ja“ und tippe dann auf „Senden“.');
    expect(screen()).not.toMatch(/\[\[|\]\]/);
  });

  it("walks the built-in tree to a German verdict, with Meta's German labels and the flags as they are", async () => {
    const { term, screen, waitFor, exited } = startInTerminal(['--no-pager'], { env: { LANG: 'de_DE.UTF-8' } });
    await waitFor('Wo wohnst du?');
    await waitFor('EU oder EWR (die 27 EU-Staaten, Island, Liechtenstein, Norwegen)');
    term.write(KEY.enter);
    await waitFor('Um welche App oder welches Produkt von Meta geht es?');
    term.write(KEY.down); // Instagram
    term.write(KEY.enter);
    await waitFor('Um welche Inhalte geht es?');
    term.write(KEY.down); // Fotos und Videos
    term.write(KEY.enter);
    await waitFor('Wer kann es sehen?');
    term.write(KEY.enter); // Öffentlich
    await waitFor('Wie alt ist die Person, der das Konto gehört?');
    term.write(KEY.enter); // 18 oder älter
    await waitFor('--visibility public --age adult');
    expect(await exited).toBe(0);
    // Lines are fitted to the terminal: compare the text with its line breaks as spaces.
    const shown = screen().replace(/\s+/g, ' ');
    expect(shown).toContain('✔ Um welche Inhalte geht es? Fotos und Videos');
    expect(shown).toContain('Du kannst widersprechen, aber nur für künftiges Training (opt-out)');
    expect(shown).toContain('Instagram: Profil → ☰ → „Privacy Center“ → „KI bei Meta“ → „Information you’ve shared on Meta Products“ → das Widerspruchsformular');
    expect(shown).toContain('→ „Widerspruchsrecht“ suchen → „zu widersprechen“ antippen → die Frage „Bezieht sich deine Anfrage auf KI bei Meta?“ mit „Ja“ beantworten.');
    expect(shown).toContain('Tippe auf „Senden“');
    expect(shown).toContain('optout-check --region eu --platform instagram --content photos --visibility public --age adult');
    expect(shown).not.toMatch(/\[\[|\]\]/);
  });
});
