// German walks in a real terminal, chosen by the locale alone: the questions, the choices and the
// verdict in German, on the fixture tree and on the built-in tree with its catalogue; and the tool's
// own words in German too: the keys' hints, Back, the lines that say an answer, the checklist's
// problems, plain prompts and the plan.
import { describe, expect, it } from 'vitest';
import { KEY, startInTerminal } from './terminal.js';

const GERMAN = { env: { LANG: 'de_DE.UTF-8' } };
const PLATFORM = 'Um welche App oder welches Produkt von Meta geht es?';

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

  it("says the tool's own words in German: the keys, Back and the step back, an answer with one choice, the verdict's headings", async () => {
    const { term, screen, mark, waitFor, exited } = startInTerminal(['--no-pager', '--visibility', 'public'], GERMAN);
    await waitFor('↑↓ bewegen • ⏎ auswählen');
    term.write(KEY.enter); // EU oder EWR
    await waitFor('↑↓ bewegen • ⏎ auswählen • b zurück zu deiner letzten Antwort');
    expect(screen()).toContain('❯ Facebook');
    expect(screen()).toContain('← Zurück');
    let since = mark();
    term.write('b');
    await waitFor(`← Zurück von „${PLATFORM}“`, since);
    await waitFor('Wo wohnst du?', since);
    term.write(KEY.enter);
    since = mark();
    await waitFor(PLATFORM, since);
    term.write(KEY.down.repeat(6)); // Muse, whose content has one choice only
    term.write(KEY.enter);
    expect(await exited).toBe(0);
    const shown = screen().replace(/\s+/g, ' ');
    expect(shown).toContain('Nur eine Wahlmöglichkeit bei „Worum geht es dir bei Muse?“: Was ich Muse schreibe, sage oder zeige');
    expect(shown).toContain('Was du tun kannst');
    expect(shown).toContain('Überprüft am 2026-12-03. Dieselbe Antwort in einem Skript: optout-check --region eu --platform muse --content ai-chats');
    expect(shown).toMatch(/Quellen \[1–\d+\]: --explain zeigt sie vollständig, mit den zitierten Textstellen\./);
    expect(shown).toContain('Hinweis: auf diesem Weg nicht gefragt, daher ignoriert: --visibility');
  });

  it('offers a plan in German, with the checklist\'s keys and problem, and prints the plan in German', async () => {
    const { term, screen, waitFor, exited } = startInTerminal(['--no-pager', '--region', 'eu'], GERMAN);
    await waitFor('Aus --region: EU oder EWR');
    await waitFor('Mehrere davon: ein Plan für alle');
    term.write(KEY.up); // from the first choice round to the last: the plan
    term.write(KEY.enter);
    await waitFor(`${PLATFORM} Wähle alles aus, was zutrifft.`);
    await waitFor('↑↓ bewegen • Leertaste ankreuzen • a alle • ⏎ bestätigen • b zurück zu deiner letzten Antwort');
    term.write(KEY.enter); // nothing ticked yet: refused
    await waitFor('Kreuze mit der Leertaste mindestens eine an, oder drücke b, um zurückzugehen.');
    term.write(KEY.space); // Facebook
    term.write(KEY.down);
    term.write(KEY.space); // Instagram
    term.write(KEY.enter);
    await waitFor('Um welche Inhalte geht es? Wähle alles aus, was zutrifft.');
    term.write('a');
    term.write(KEY.enter);
    await waitFor('Wer kann es sehen?');
    term.write(KEY.enter); // Öffentlich
    await waitFor('Wie alt ist die Person, der das Konto gehört?');
    term.write(KEY.enter); // 18 oder älter
    expect(await exited).toBe(0);
    const shown = screen().replace(/\s+/g, ' ');
    expect(shown).toContain('Dein Plan: Opt-out aus Metas KI-Training, überprüft am 2026-12-03');
    expect(shown).toContain('18 Kombinationen, 5 unterschiedliche Antworten.');
    expect(shown).toContain('WAS ZU TUN IST');
    expect(shown).toContain('Für Facebook, Instagram: Textbeiträge und Bildunterschriften');
    expect(shown).toContain('Derselbe Plan in einem Skript: optout-check plan --region eu --platform facebook,instagram --content');
  });

  it('asks line by line in German: the instructions, a word it does not know, Back, the answer said back, and Aborted', async () => {
    const { term, screen, mark, waitFor, exited } = startInTerminal(['--accessible', '--region', 'eu'], GERMAN);
    await waitFor('Aus --region: EU oder EWR');
    await waitFor('Gib eine Zahl von 1 bis 10 ein und drücke Enter: ');
    term.write('Mars\r');
    await waitFor('„Mars“ ist keine der Wahlmöglichkeiten.');
    term.write('2\r');
    await waitFor('→ Instagram');
    await waitFor('b. Zurück: deine letzte Antwort ändern');
    await waitFor('(oder b, um zurückzugehen) und drücke Enter: ');
    const since = mark();
    term.write('b\r');
    await waitFor('→ Zurück zu deiner letzten Antwort', since);
    await waitFor('2. Instagram — deine letzte Antwort', since);
    term.write(KEY.ctrlD); // the session ends
    expect(await exited).toBe(130);
    expect(screen()).toContain('Abgebrochen.');
  });
});
