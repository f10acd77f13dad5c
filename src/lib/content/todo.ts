/** What a placeholder starts with: `npm run new:report` writes one into every field to fill in. */
export const TODO_MARK = 'TODO:';

/** A field still holding a placeholder, and the placeholder's hint. */
export interface TodoField {
  path: PropertyKey[];
  hint: string;
}

/** Every string in a parsed file that starts with `TODO:`, with its path (depth-first, in order). */
export function todoFields(value: unknown, path: PropertyKey[] = []): TodoField[] {
  if (typeof value === 'string') return value.startsWith(TODO_MARK) ? [{ path, hint: value.slice(TODO_MARK.length).trim() }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => todoFields(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => todoFields(v, [...path, k]));
  return [];
}

/** Whether an issue at `path` is about a placeholder (at it or inside it), so it says nothing new. */
export function underTodo(todos: readonly TodoField[], path: readonly PropertyKey[]): boolean {
  return todos.some((t) => t.path.length <= path.length && t.path.every((k, i) => k === path[i]));
}
