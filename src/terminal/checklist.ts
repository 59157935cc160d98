// The menu (one answer) and the checklist for plan's varying keys ("Which app? Choose all that
// apply."): ↑↓ move, Enter confirms, and in the checklist space ticks and a ticks all. When there
// is a previous answer to go back to, a "← Back" row heads the list (so it is on the first screen,
// even on a narrow terminal), one ↑ away from the first choice, and b or Backspace goes back from
// anywhere. inquirer's own select and checkbox cannot have that row or key, so this prompt is built
// on @inquirer/core, as inquirer's own prompts are.
import { createPrompt, isBackspaceKey, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, useKeypress, usePagination, usePrefix, useState, type Status, type Theme } from '@inquirer/core';
import figures from '@inquirer/figures';
import { styleText } from 'node:util';
import type { Words } from '../words.js';

export interface ChecklistConfig {
  message: string;
  /** `name` as listed, `short` in the answered line. */
  choices: readonly { name: string; value: string; short: string }[];
  /** Several answers (ticked with space) rather than one. */
  several: boolean;
  /** The answer to start from: the values ticked, or the one the cursor starts on. */
  start?: readonly string[];
  /** Values that cannot be combined with others: ticking one unticks the rest, and `a` leaves them out. */
  exclusive?: ReadonlySet<string>;
  /** Told the ticks as they change, so that the question can be asked again as it was left (after Ctrl-Z). */
  onTick?: (ticked: readonly string[]) => void;
  /** Offer "← Back" (the row and the key): the answer is then undefined when it is chosen. */
  back: boolean;
  /** The words of the Back row, the keys' hint and the problems. */
  words: Words;
  pageSize: number;
  theme?: { style?: Partial<Theme<ChecklistTheme>['style']> };
}

type ChecklistTheme = { style: { keysHelpTip: (keys: [string, string][]) => string } };

const CURSOR_HIDE = '\u001b[?25l';
export const keysHelpTip = (keys: [string, string][]) => keys.map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', action)}`).join(styleText('dim', ' • '));

/** The answer, or undefined for Back. */
export const checklist = createPrompt<string[] | undefined, ChecklistConfig>((config, done) => {
  const theme = makeTheme<ChecklistTheme>({ style: { keysHelpTip } }, config.theme);
  const { choices, several, words } = config;
  const exclusive = config.exclusive ?? new Set<string>();
  // One object, so that the row is told apart from a choice by identity.
  const [backRow] = useState(() => ({ name: words.say('prompt.back'), value: '', short: '' }));
  const rows = config.back ? [backRow, ...choices] : choices;
  const first = config.back ? 1 : 0;
  const [status, setStatus] = useState<Status>('idle');
  const prefix = usePrefix({ status, theme });
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set(several ? config.start : []));
  const startAt = several ? -1 : choices.findIndex((c) => c.value === config.start?.[0]);
  const [active, setActive] = useState(first + Math.max(startAt, 0));
  const [wentBack, setWentBack] = useState(false);
  const [problem, setProblem] = useState<string>();
  const onBack = rows[active] === backRow;
  const chosen = () => choices.filter((c) => (several ? ticked.has(c.value) : c === rows[active]));
  const finish = (answer: string[] | undefined) => {
    setWentBack(answer === undefined);
    setStatus('done');
    done(answer);
  };
  const setTicks = (values: ReadonlySet<string>) => {
    setTicked(values);
    config.onTick?.([...values]);
  };
  const tick = (value: string) => {
    if (ticked.has(value)) return setTicks(new Set([...ticked].filter((v) => v !== value)));
    setTicks(new Set(exclusive.has(value) ? [value] : [...ticked, value].filter((v) => !exclusive.has(v))));
  };

  useKeypress((key) => {
    if (status !== 'idle') return;
    setProblem(undefined);
    if (config.back && (key.name === 'b' || isBackspaceKey(key))) {
      finish(undefined);
    } else if (isEnterKey(key)) {
      if (onBack) return finish(undefined);
      if (several && ticked.size === 0) return setProblem(words.say(config.back ? 'prompt.tick-one-or-back' : 'prompt.tick-one'));
      finish(chosen().map((c) => c.value));
    } else if (isUpKey(key, theme.keybindings) || isDownKey(key, theme.keybindings)) {
      setActive((active + (isUpKey(key, theme.keybindings) ? rows.length - 1 : 1)) % rows.length);
    } else if (several && isSpaceKey(key) && !onBack) {
      tick(rows[active]!.value);
    } else if (several && key.name === 'a') {
      const all = choices.map((c) => c.value).filter((v) => !exclusive.has(v));
      setTicks(new Set(all.every((v) => ticked.has(v)) ? [] : all));
    }
  });

  const page = usePagination({
    items: rows,
    active,
    renderItem({ item, isActive }) {
      const cursor = isActive ? figures.pointer : ' ';
      const back = item === backRow;
      const box = !several ? '' : back ? ' ' : ticked.has(item.value) ? styleText('green', figures.circleFilled) : figures.circle;
      const line = `${cursor}${box} ${item.name}`;
      // One line, dim unless chosen, so that it heads even a short page and stands apart from the answers.
      return isActive ? theme.style.highlight(line) : back ? styleText('dim', line) : line;
    },
    pageSize: config.pageSize,
  });
  // A step back is not an answer: the history says so, without the tick of an answered question.
  if (status === 'done' && wentBack) return styleText('dim', words.say('prompt.back-from', { prompt: config.message }));
  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    // An answer too long for the line starts on a line of its own: no space is left at the end of this one.
    const answer = theme.style.answer(chosen().map((c) => c.short).join(', '));
    return `${prefix} ${message}${/^(\u001b\[[\d;]*m)*\n/.test(answer) ? '' : ' '}${answer}`;
  }
  const keys: [string, string][] = [
    ['↑↓', words.say('prompt.key.navigate')],
    ...(several ? ([[words.say('prompt.key.space'), words.say('prompt.key.tick')], ['a', words.say('prompt.key.all')]] as [string, string][]) : []),
    ['⏎', words.say(several ? 'prompt.key.confirm' : 'prompt.key.select')],
    ...(config.back ? ([['b', words.say('prompt.key.back')]] as [string, string][]) : []),
  ];
  const lines = [`${prefix} ${message}`, page, ' ', problem ? theme.style.error(problem) : '', theme.style.keysHelpTip(keys)];
  return `${lines.filter(Boolean).join('\n').trimEnd()}${CURSOR_HIDE}`;
});
