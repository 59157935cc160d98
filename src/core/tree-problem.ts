// A problem the graph checks find in a tree, at the path of the YAML node it concerns (so the
// loader can print file:line:col).
export interface TreeProblem {
  path: (string | number)[];
  message: string;
  /** A warning does not make a tree invalid; the build still refuses it in a built-in tree. */
  warning?: true;
}
