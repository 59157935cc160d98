// A German walk in a real terminal, chosen by the locale alone: the questions, the choices and the
// verdict in German (the tool's own words stay English until they are translated).
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
});
