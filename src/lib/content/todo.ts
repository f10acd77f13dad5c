/** What a placeholder starts with: `npm run new:report` writes one into every field to fill in. */
export const TODO_MARK = 'TODO:';

/** A field still holding a placeholder, and the placeholder's hint. */
export interface TodoField {
  path: PropertyKey[];
  hint: string;
}

/** Every string in a parsed file that starts with `TODO:`, with its path (depth-first, in order). */
export function todoFields(value: unknown, path: PropertyKey[] = []): TodoField[] {
  const out: TodoField[] = [];
  collectTodos(value, [...path], out);
  return out;
}

// One path, grown and shrunk along the walk and copied only for a placeholder found: a new path for
// every value walked was most of this walk's time (every content file is walked on every build).
function collectTodos(value: unknown, path: PropertyKey[], out: TodoField[]): void {
  if (typeof value === 'string') {
    if (value.startsWith(TODO_MARK)) out.push({ path: [...path], hint: value.slice(TODO_MARK.length).trim() });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      collectTodos(value[i], path, out);
      path.pop();
    }
  } else if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      path.push(k);
      collectTodos((value as Record<string, unknown>)[k], path, out);
      path.pop();
    }
  }
}

/** Whether an issue at `path` is about a placeholder (at it or inside it), so it says nothing new. */
export function underTodo(todos: readonly TodoField[], path: readonly PropertyKey[]): boolean {
  return todos.some((t) => t.path.length <= path.length && t.path.every((k, i) => k === path[i]));
}
