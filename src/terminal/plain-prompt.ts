// Questions asked line by line, for screen readers and simple terminals (TERM=dumb, Emacs shell),
// after gh's accessible prompter: the prompt, numbered choices, then a typed answer, said back as
// understood. No cursor movement, no redraw, no colour. Loaded lazily.
import { wrapAnsi } from 'fast-wrap-ansi';
import { createInterface } from 'node:readline';
import { addSpellings, readAnswer, type Spelling } from '../core/answers.js';
import type { Choice, Question } from '../core/schema.js';
import { Aborted } from '../errors.js';
import type { Io, Terminal } from '../io.js';
import type { Prompter } from './prompter.js';
import type { Words } from '../words.js';

/** What a typed line did not say: told, and the question asked again. */
type Problem = { problem: string };

const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null && Object.hasOwn(value, 'problem');

/** A choice as listed: its number and label. */
const listed = (question: Question, choice: Choice) => `${question.choices.indexOf(choice) + 1}. ${choice.label}`;

/** The choice a typed word names: its number in the list, its value or one of its aliases (see answerForm). */
function choiceOf(question: Question, word: string, words: Words): Choice | Problem {
  const numbered = /^\d+$/.test(word) ? question.choices[Number(word) - 1] : undefined;
  if (numbered) return numbered;
  const read = readAnswer(addSpellings(new Map(), question.choices), word);
  if ('value' in read) return question.choices.find((c) => c.value === read.value)!;
  // A number out of range is near nothing worth naming.
  const near = /^\d+$/.test(word) ? undefined : read.suggestion;
  const problem = words.say('plain.not-a-choice', { typed: word });
  return { problem: near ? `${problem} ${nearText(question, near, words)}` : problem };
}

/** A suggestion, with the choice it stands for: `Did you mean Germany? That is 1. EU or EEA …` */
const nearText = (question: Question, near: Spelling, words: Words) =>
  words.say('plain.did-you-mean', { spelling: near.alias ?? near.value, choice: listed(question, question.choices.find((c) => c.value === near.value)!) });

export function plainPrompter(input: NodeJS.ReadableStream, output: Terminal, onInterrupt: Io['onInterrupt'], words: Words): Prompter {
  // One reader for the whole session, so that answers typed ahead are kept. Not in terminal
  // mode: the terminal itself echoes and edits the line.
  const reader = createInterface({ input, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  // Ctrl-C reaches the process as a signal (the terminal is not in raw mode): stop at the next read.
  let interrupted: (error: Aborted) => void = () => {};
  const interruption = new Promise<never>((_, reject) => (interrupted = reject));
  interruption.catch(() => {});
  const release = onInterrupt(() => interrupted(new Aborted()));

  /**
   * A line, wrapped at word boundaries to a terminal's width (a terminal would break words), its
   * continuation lines indented by `indent`, under the text of a numbered choice.
   */
  const fit = (line: string, indent = 0) => {
    const lead = /^ */.exec(line)![0];
    const wrap = (text: string) => wrapAnsi(text, Math.max(output.columns! - indent, 10), { hard: true, trim: true }).replaceAll('\n', `\n${' '.repeat(indent)}`);
    return output.columns ? lead + wrap(line.slice(lead.length)) : line;
  };
  const say = (line: string, indent = 0) => void output.write(`${fit(line, indent)}\n`);

  async function readLine(): Promise<string> {
    const next = await Promise.race([lines.next(), interruption]);
    // End of input (Ctrl-D) ends the session, as Ctrl-C does.
    if (next.done) throw new Aborted();
    return next.value.trim();
  }

  /**
   * Prints the question and its numbered choices (`previous` ones marked), then reads lines until
   * `read` makes sense of one, and says it back as understood; undefined for back.
   */
  async function ask<T extends Choice[]>(prompt: string, question: Question, back: boolean, previous: readonly string[], how: string, read: (typed: string) => T | Problem): Promise<T | undefined> {
    say(prompt);
    if (question.help) say(question.help);
    question.choices.forEach((choice, i) => {
      const line = listed(question, choice);
      say(`  ${previous.includes(choice.value) ? words.say('plain.last-answer', { choice: line }) : line}`, 4 + String(i + 1).length);
    });
    if (back) say(`  ${words.say('plain.back')}`, 5);
    for (;;) {
      output.write(`${fit(words.say(back ? 'plain.press-enter-or-back' : 'plain.press-enter', { how }))} `);
      const typed = await readLine();
      if (typed === '') continue;
      if (back && /^b(ack)?$/i.test(typed)) {
        say(words.say('plain.went-back'));
        return undefined;
      }
      const result = read(typed);
      if (!isProblem(result)) {
        say(`→ ${result.map((choice) => choice.label).join(', ')}`, 2);
        return result;
      }
      say(result.problem);
    }
  }

  return {
    async choose(question, { back, default: previous }) {
      const how = words.say('plain.type-one', { count: question.choices.length });
      const answer = await ask(question.prompt, question, back, previous === undefined ? [] : [previous], how, (typed) => {
        const choice = choiceOf(question, typed, words);
        return isProblem(choice) ? choice : [choice];
      });
      return answer?.[0]!.value;
    },
    async chooseSeveral(question, { back, default: previous = [] }) {
      const how = words.say('plain.type-several', { count: question.choices.length });
      const answer = await ask(words.say('prompt.choose-all', { prompt: question.prompt }), question, back, previous, how, (typed) => {
        // All that can be combined: not an answer such as "No account".
        if (/^all$/i.test(typed)) return question.choices.filter((c) => !c.exclusive);
        const picked = new Set<Choice>();
        // Separated by commas or spaces; an alias may have spaces of its own ("smart glasses, 1").
        const typedWords = typed.split(',').flatMap((part) => (isProblem(choiceOf(question, part.trim(), words)) ? part.split(/\s+/) : [part.trim()]));
        for (const word of typedWords.filter(Boolean)) {
          const choice = choiceOf(question, word, words);
          if (isProblem(choice)) return choice;
          picked.add(choice);
        }
        if (picked.size === 0) return { problem: words.say('plain.choose-one') };
        const alone = [...picked].find((c) => c.exclusive);
        if (alone && picked.size > 1) return { problem: words.say('plain.alone', { label: alone.label }) };
        return question.choices.filter((c) => picked.has(c));
      });
      return answer?.map((choice) => choice.value);
    },
    async say(line) {
      say(line);
    },
    close() {
      release();
      reader.close();
    },
  };
}
