// Checks on choices' aliases: each alias names one value of its key, wherever it is written.
import { answerForm } from './answers.js';
import { askOf } from './graph.js';
import { spend } from './limits.js';
import type { Tree } from './schema.js';
import type { TreeProblem } from './tree-problem.js';

/**
 * An alias may not spell another value of its key, or an alias of another value, on any question
 * of that key (`de` for eu on one question and for another value elsewhere). One pass with a Map
 * per key: linear in the number of choices and aliases.
 */
export function checkAliases(tree: Tree): TreeProblem[] {
  const problems: TreeProblem[] = [];
  /** Per key, what each form names and where it was first written. */
  const named = new Map<string, Map<string, { value: string; where: string }>>();
  const formsOf = (key: string) => named.get(key) ?? named.set(key, new Map()).get(key)!;
  const questions = Object.entries(tree.questions);
  for (const [id, question] of questions) {
    const forms = formsOf(askOf(id, question));
    spend(question.choices.length);
    for (const { value } of question.choices) if (!forms.has(answerForm(value))) forms.set(answerForm(value), { value, where: `the value "${value}"` });
  }
  for (const [id, question] of questions) {
    const forms = formsOf(askOf(id, question));
    question.choices.forEach(({ value, aliases = [] }, i) =>
      aliases.forEach((alias, j) => {
        spend(1);
        const form = answerForm(alias);
        const path = ['questions', id, 'choices', i, 'aliases', j];
        const earlier = forms.get(form);
        if (form === '') problems.push({ path, message: `alias "${alias}" has no letters or digits` });
        else if (earlier && earlier.value !== value) problems.push({ path, message: `alias "${alias}" of "${value}" is already ${earlier.where}` });
        else if (!earlier) forms.set(form, { value, where: `an alias of "${value}" ("${alias}")` });
      }),
    );
  }
  return problems;
}
