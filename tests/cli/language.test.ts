// The built binary in German, end to end on the fixture tree and its catalogue
// (tests/fixtures/objection.yaml and objection.de.yaml): chosen by --lang, OPTOUT_CHECK_LANG or the
// locale; text and JSON; the English shown for what is missing or stale; unknown languages refused;
// and the built-in tree in German, from its own catalogue (trees/meta-ai-training.de.yaml).
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashText } from '../../src/load/text-hash.js';
import { ROOT, run } from '../helpers.js';

const TREE = ['--tree', 'tests/fixtures/objection.yaml'];
const EU = [...TREE, '--region', 'eu', '--app', 'facebook'];
const US = [...TREE, '--region', 'us'];
const BUILTIN = ['--region', 'us', '--platform', 'facebook', '--content', 'posts', '--visibility', 'public'];

/** A copy of the fixture tree, with its catalogue changed by `edit`, in a folder of its own. */
function copy(edit: (catalogue: string) => string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'optout-check-lang-'));
  copyFileSync(`${ROOT}tests/fixtures/objection.yaml`, join(dir, 'objection.yaml'));
  writeFileSync(join(dir, 'objection.de.yaml'), edit(readFileSync(`${ROOT}tests/fixtures/objection.de.yaml`, 'utf8')));
  return ['--tree', join(dir, 'objection.yaml')];
}

describe('a German verdict', () => {
  it('with --lang de: the texts in German, labels in German quotation marks, quotes and values as they are', () => {
    const { code, stdout, stderr } = run([...EU, '--lang', 'de', '--explain']);
    expect(code).toBe(0);
    expect(stdout).toContain('Du kannst widersprechen (opt-out)\nSeit dem 27. Mai 2025 werden deine öffentlichen Beiträge für das KI-Training verwendet, es sei denn, du widersprichst. [1,2]');
    expect(stdout).toContain('  1. Öffne „Einstellungen und Privatsphäre“, dann die Datenschutzrichtlinie, und tippe auf „Widerspruchsrecht“. [2,3]');
    expect(stdout).toContain('  2. Beantworte „Bezieht sich deine Anfrage auf KI bei Meta?“ mit „Ja“ und tippe dann auf „Senden“. [3]\n     https://example.org/form');
    expect(stdout).toContain('  - Ein Widerspruch nach dem 27. Mai 2025 gilt nur für künftiges Training. [1]');
    // Answers, flags and sources are the scripts' and the sources' own; the tool's words are German.
    expect(stdout).toContain('--app facebook, Facebook:');
    expect(stdout).toContain('Quellen\n  [1] A regulator, „The law“, 2025-05-01 (Aufsichtsbehörde). https://example.org/law');
    expect(stdout).toContain('„Everyone may object to the processing of their public posts.“');
    expect(stdout).not.toMatch(/\[\[|\]\]/);
    expect(stderr).not.toContain('Hinweis');
  });

  it('with --json: the same document, with lang and the German texts', () => {
    const english = JSON.parse(run([...US, '--json']).stdout);
    const { code, stdout } = run([...US, '--json', '--lang', 'de']);
    expect(code).toBe(0);
    const german = JSON.parse(stdout);
    expect(Object.keys(german)).toEqual(Object.keys(english));
    expect([english.lang, german.lang]).toEqual(['en', 'de']);
    expect(german.tree).toEqual({ id: 'objection', title: 'Testbaum für Widersprüche', reviewed: '2026-01-01' });
    expect(german.path).toEqual([{ question: 'region', node: 'region', answer: 'us', label: 'Vereinigte Staaten' }]);
    expect(german.verdict).toEqual({
      ...english.verdict,
      title: 'Kein Widerspruch möglich',
      summary: 'Wo du wohnst, gibt es keinen Weg zum Widerspruch.',
      steps: [{ text: 'Stelle deine Beiträge auf privat.', sources: ['notice-de'] }],
      disputed: [{ topic: 'Ob ein Gesetz des Bundesstaats gilt', sides: [{ claim: 'Es gilt nicht.', sources: ['notice-de'] }, { claim: 'Es könnte gelten.', sources: ['law'] }] }],
    });
    expect(german.sources).toEqual(english.sources);
  });

  it('from the locale (LANG=de_DE.UTF-8, de_AT) and from OPTOUT_CHECK_LANG; LC_ALL=C and --lang en win', () => {
    const title = (env: Record<string, string>, args: string[] = []) => JSON.parse(run([...US, '--json', ...args], { env }).stdout).verdict.title;
    expect(title({ LANG: 'de_DE.UTF-8' })).toBe('Kein Widerspruch möglich');
    expect(title({ LANG: 'de_AT' })).toBe('Kein Widerspruch möglich');
    expect(title({ LC_MESSAGES: 'de_CH.UTF-8' })).toBe('Kein Widerspruch möglich');
    expect(title({ OPTOUT_CHECK_LANG: 'de' })).toBe('Kein Widerspruch möglich');
    expect(title({ LANG: 'de_DE.UTF-8', LC_ALL: 'C' })).toBe('No opt-out');
    expect(title({ LANG: 'de_DE.UTF-8', LC_ALL: 'POSIX' })).toBe('No opt-out');
    expect(title({ LANG: 'de_DE.UTF-8' }, ['--lang', 'en'])).toBe('No opt-out');
    expect(title({ OPTOUT_CHECK_LANG: 'de' }, ['--lang=en'])).toBe('No opt-out');
  });

  it('a locale in a language the tool lacks is English, silently', () => {
    const { code, stdout, stderr } = run([...US, '--json'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).lang).toBe('en');
    expect(stderr).not.toContain('note');
  });

  it('plan speaks it too', () => {
    const { code, stdout } = run(['plan', ...TREE, '--region', 'eu', '--app', 'facebook', '--json', '--lang', 'de']);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.lang).toBe('de');
    expect(plan.plan[0].verdicts[0].title).toBe('Du kannst widersprechen');
  });
});

describe('a language asked for by name that the tool lacks', () => {
  it.each([
    [['--lang', 'fr'], {}, '--lang fr: optout-check does not speak this language. Languages: de, en.'],
    [['--lang', 'dee'], {}, '--lang dee: optout-check does not speak this language. Did you mean de? Languages: de, en.'],
    [[], { OPTOUT_CHECK_LANG: 'xx' }, 'OPTOUT_CHECK_LANG xx: optout-check does not speak this language. Languages: de, en.'],
    [['--lang', '../../etc/passwd'], {}, '--lang ../../etc/passwd: optout-check does not speak this language. Languages: de, en.'],
  ])('%j %j is a usage error naming the languages', (args, env, message) => {
    const { code, stdout, stderr } = run([...US, ...args], { env });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`error: ${message}\n`);
  });

  it('with --json, an invalid-value error document', () => {
    const { code, stdout } = run([...US, '--json', '--lang', 'fr']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).error).toEqual({ code: 'invalid-value', message: '--lang fr: optout-check does not speak this language. Languages: de, en.', flag: '--lang', value: 'fr', values: ['de', 'en'] });
  });
});

describe('what is not translated is shown in English, and said', () => {
  it('texts missing or stale fall back to English, with a note naming how many and where to look', () => {
    const tree = copy((catalogue) =>
      catalogue
        .replace('text: Kein Widerspruch möglich', "text: ''")
        .replace(`hash: ${hashText('There is no objection route where you live.')}`, `hash: ${hashText('There is no objection route.')}`),
    );
    const { code, stdout, stderr } = run([...tree, '--region', 'us', '--lang', 'de']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^No opt-out \(no-opt-out\)\nThere is no objection route where you live\. \[1\]\n\nWas du tun kannst\n {2}1\. Stelle deine Beiträge auf privat\./);
    expect(stderr).toMatch(/^Hinweis: 2 Texte dieses Entscheidungsbaums werden auf Englisch angezeigt, weil ihre Übersetzung fehlt, veraltet ist oder eine Prüfung nicht bestanden hat \(optout-check validate .*objection\.de\.yaml nennt sie\)\.\n/);
  });

  it('a translation that fails a check (a changed number) is not shown: the English is', () => {
    const tree = copy((catalogue) => catalogue.replace('Seit dem 27. Mai 2025', 'Seit dem 28. Mai 2025'));
    const { stdout, stderr } = run([...tree, '--region', 'eu', '--app', 'facebook', '--lang', 'de']);
    expect(stdout).toContain('Since 27 May 2025, your public posts are used to train AI unless you object.');
    expect(stdout).not.toContain('28');
    expect(stderr).toMatch(/^Hinweis: Ein Text dieses Entscheidungsbaums wird auf Englisch angezeigt/);
  });

  it('a tree without a German catalogue is English: noted when asked for by name, silent for a locale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'optout-check-lang-'));
    copyFileSync(`${ROOT}tests/fixtures/objection.yaml`, join(dir, 'objection.yaml'));
    const alone = ['--tree', join(dir, 'objection.yaml'), '--region', 'us'];
    const named = run([...alone, '--lang', 'de', '--json']);
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout).lang).toBe('en');
    expect(named.stderr).toMatch(/^Hinweis: „Objection test tree“ ist noch nicht ins Deutsche übersetzt und wird deshalb auf Englisch angezeigt\.\n/);
    const locale = run(alone, { env: { LANG: 'de_DE.UTF-8' } });
    expect(locale.code).toBe(0);
    expect(locale.stdout).toMatch(/^No opt-out \(no-opt-out\)\n/);
    expect(locale.stderr).not.toContain('Hinweis');
  });
});

describe('the built-in tree, translated', () => {
  it('is shown in German by the built binary, with the same structure, answers, links and sources as in English', () => {
    const answer = (...args: string[]) => {
      const result = run([...BUILTIN, '--json', ...args]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout);
    };
    const [english, german] = [answer(), answer('--lang', 'de')];
    expect([english.lang, german.lang]).toEqual(['en', 'de']);
    expect(german.tree.title).toBe('Opt-out aus Metas KI-Training');
    expect(german.verdict.title).toBe('Kein Opt-out für deine öffentlichen Beiträge');
    expect({ ...german.verdict, title: '', summary: '', steps: [], caveats: [] }).toEqual({ ...english.verdict, title: '', summary: '', steps: [], caveats: [] });
    expect(german.verdict.steps.map((s: { url?: string; sources: string[] }) => [s.url, s.sources])).toEqual(english.verdict.steps.map((s: { url?: string; sources: string[] }) => [s.url, s.sources]));
    expect(german.sources).toEqual(english.sources);
    expect(german.answers).toEqual(english.answers);
  });
});

describe('a catalogue from a stranger', () => {
  it('reaches the terminal with its control characters escaped, as tree text does', () => {
    const tree = copy((catalogue) => catalogue.replace('text: Kein Widerspruch möglich', 'text: "Kein Widerspruch\\e]P;pwned\\a möglich"'));
    const { code, stdout } = run([...tree, '--region', 'us', '--lang', 'de']);
    expect(code).toBe(0);
    expect(stdout).toContain('Kein Widerspruch\\x1b]P;pwned\\x07 möglich (no-opt-out)');
    expect(stdout).not.toContain('\u001b');
  });
});

describe('validate checks translations with their trees', () => {
  it('the fixture and its catalogue are ok', () => {
    const { code, stdout } = run(['validate', 'tests/fixtures/objection.yaml']);
    expect(code).toBe(0);
    expect(stdout).toBe('tests/fixtures/objection.de.yaml: ok\ntests/fixtures/objection.yaml: ok\n');
  });

  it('a broken catalogue makes validate exit 3, each problem at its line; a stale one only warns', () => {
    const broken = copy((catalogue) => catalogue.replace('tippe auf [[Widerspruchsrecht]]', 'tippe auf [[Info]]'));
    const failed = run(['validate', broken[1]!]);
    expect(failed.code).toBe(3);
    expect(failed.stdout).toMatch(/objection\.de\.yaml:\d+:5: strings\.verdicts\.object\.steps\.0\.text: labels: the interface label \[\[Info\]\] is not found verbatim/);
    const stale = copy((catalogue) => catalogue.replace(`hash: ${hashText('Which app?')}`, `hash: ${hashText('Which app do you use?')}`));
    const warned = run(['validate', stale[1]!.replace('objection.yaml', 'objection.de.yaml'), '--json']);
    expect(warned.code).toBe(0);
    const [file] = JSON.parse(warned.stdout).files;
    expect(file.problems).toEqual([expect.objectContaining({ severity: 'warning', path: 'strings.questions.app.prompt', message: expect.stringMatching(/^stale: /) })]);
  });
});
