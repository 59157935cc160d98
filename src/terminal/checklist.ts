// The multi-select for plan's varying keys ("Which app? Choose all that apply."): the keys of
// inquirer's checkbox (space ticks, a ticks all, Enter confirms), and the menu's "← Back" row, which
// Enter on goes back. inquirer's checkbox confirms the ticks wherever the cursor is, so it cannot
// have that row; this prompt is built on @inquirer/core, as inquirer's own prompts are.
import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, useKeypress, usePagination, usePrefix, useState, type Status, type Theme } from '@inquirer/core';
import figures from '@inquirer/figures';
import { styleText } from 'node:util';

export interface ChecklistConfig {
  message: string;
  /** `name` as listed, `short` in the answered line. */
  choices: readonly { name: string; value: string; short: string }[];
  /** The values ticked to begin with. */
  ticked?: readonly string[];
  /** Told the ticks as they change, so that the question can be asked again as it was left (after Ctrl-Z). */
  onTick?: (ticked: readonly string[]) => void;
  /** Offer a "← Back" row: the answer is then undefined when it is chosen. */
  back: boolean;
  pageSize: number;
  theme?: { style?: Partial<Theme<ChecklistTheme>['style']> };
}

type ChecklistTheme = { style: { keysHelpTip: (keys: [string, string][]) => string } };

export const BACK_LABEL = '← Back';
const BACK_ROW = { name: BACK_LABEL, value: '', short: BACK_LABEL };
const CURSOR_HIDE = '\u001b[?25l';
const keysHelpTip = (keys: [string, string][]) => keys.map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', action)}`).join(styleText('dim', ' • '));

export const checklist = createPrompt<string[] | undefined, ChecklistConfig>((config, done) => {
  const theme = makeTheme<ChecklistTheme>({ style: { keysHelpTip } }, config.theme);
  const { choices } = config;
  const [status, setStatus] = useState<Status>('idle');
  const prefix = usePrefix({ status, theme });
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set(config.ticked));
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string>();
  const rows = choices.length + (config.back ? 1 : 0);
  const onBack = active === choices.length;
  const chosen = () => choices.filter((c) => ticked.has(c.value));
  const tick = (values: ReadonlySet<string>) => {
    setTicked(values);
    config.onTick?.([...values]);
  };

  useKeypress((key) => {
    if (status !== 'idle') return;
    setProblem(undefined);
    if (isEnterKey(key)) {
      if (!onBack && ticked.size === 0) return setProblem(`Tick at least one with space${config.back ? `, or choose ${BACK_LABEL}` : ''}.`);
      setStatus('done');
      done(onBack ? undefined : chosen().map((c) => c.value));
    } else if (isUpKey(key, theme.keybindings) || isDownKey(key, theme.keybindings)) {
      setActive((active + (isUpKey(key, theme.keybindings) ? rows - 1 : 1)) % rows);
    } else if (isSpaceKey(key) && !onBack) {
      const value = choices[active]!.value;
      tick(new Set(ticked.has(value) ? [...ticked].filter((v) => v !== value) : [...ticked, value]));
    } else if (key.name === 'a') {
      tick(new Set(ticked.size === choices.length ? [] : choices.map((c) => c.value)));
    }
  });

  const page = usePagination({
    items: config.back ? [...choices, BACK_ROW] : choices,
    active,
    renderItem({ item, isActive }) {
      const cursor = isActive ? figures.pointer : ' ';
      const back = item === BACK_ROW;
      const line = back ? `${cursor} ${BACK_LABEL}` : `${cursor}${ticked.has(item.value) ? styleText('green', figures.circleFilled) : figures.circle} ${item.name}`;
      const row = isActive ? theme.style.highlight(line) : line;
      // The back row sits under a rule, as in the menu.
      return back ? ` ${styleText('dim', figures.line.repeat(14))}\n${row}` : row;
    },
    pageSize: config.pageSize,
  });
  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(onBack ? BACK_LABEL : chosen().map((c) => c.short).join(', '))}`;
  const keys: [string, string][] = [
    ['↑↓', 'navigate'],
    ['space', 'tick'],
    ['a', 'all'],
    ['⏎', 'confirm'],
  ];
  const lines = [`${prefix} ${message}`, page, ' ', problem ? theme.style.error(problem) : '', theme.style.keysHelpTip(keys)];
  return `${lines.filter(Boolean).join('\n').trimEnd()}${CURSOR_HIDE}`;
});
