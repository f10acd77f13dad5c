import type { ValidationContext } from '../types';

// Relation types that cannot both hold between the same two claims.
const stanceOf = (type: string): 'agree' | 'disagree' | undefined =>
  type === 'corroborates' ? 'agree' : type === 'contradicts' || type === 'denies' ? 'disagree' : undefined;

/** The first repeated value in a list, with the index of its repetition. */
function firstRepeat(values: readonly string[]): { value: string; index: number } | undefined {
  const seen = new Set<string>();
  for (const [index, value] of values.entries()) {
    if (seen.has(value)) return { value, index };
    seen.add(value);
  }
  return undefined;
}

/**
 * Phase 5: data that is well-formed but says something impossible: a chain that passes through
 * the claimant or the same source twice, a topic listed twice, two claims that both corroborate
 * and contradict each other, a source affiliated to itself or in a ring of affiliations.
 */
export function checkCoherence(ctx: ValidationContext): void {
  const { problems } = ctx;
  for (const a of ctx.articles) {
    const twice = firstRepeat(a.data.topics);
    if (twice) problems.add(a.file, `topics[${twice.index}]`, `topic "${twice.value}" is listed twice`);
  }

  // Each unordered pair of claims, with the stance one has taken towards the other so far.
  const stances = new Map<string, { file: string; type: string }>();
  for (const c of ctx.claims) {
    const prefix = `claims (${c.data.id})`;
    const twice = firstRepeat(c.data.topics);
    if (twice) problems.add(c.file, `${prefix}.topics[${twice.index}]`, `topic "${twice.value}" is listed twice`);
    const at = c.data.via.indexOf(c.data.claimant);
    if (at !== -1) {
      problems.add(c.file, `${prefix}.via[${at}]`, `"${c.data.claimant}" is the claimant; via lists only who relayed the claim between the outlet and the claimant`);
    }
    const repeated = firstRepeat(c.data.via);
    if (repeated) problems.add(c.file, `${prefix}.via[${repeated.index}]`, `"${repeated.value}" appears twice in the chain`);
    c.data.relations.forEach((r, i) => {
      const stance = stanceOf(r.type);
      if (!stance) return;
      // A relation may be recorded from either side, so the pair is unordered.
      const pair = [c.data.id, r.claim].sort().join(' ');
      const opposite = stances.get(`${pair} ${stance === 'agree' ? 'disagree' : 'agree'}`);
      if (opposite) {
        problems.add(
          c.file,
          `${prefix}.relations[${i}].type`,
          `this claim ${r.type} "${r.claim}", but ${opposite.file} records "${opposite.type}" between the same two claims; a pair cannot both agree and disagree`,
        );
      }
      stances.set(`${pair} ${stance}`, { file: c.file, type: r.type });
    });
  }

  // Affiliations form a forest: following them from any source must end, never come back.
  const state = new Map<string, 'open' | 'done'>();
  for (const start of ctx.sources) {
    const path: string[] = [];
    let id: string | undefined = start.id;
    while (id !== undefined && state.get(id) === undefined) {
      state.set(id, 'open');
      path.push(id);
      id = ctx.sourceById.get(id)?.data.affiliation;
    }
    if (id !== undefined && state.get(id) === 'open') {
      const ring = path.slice(path.indexOf(id));
      const file = ctx.sourceById.get(id)!.file;
      const reason =
        ring.length === 1 ? `"${id}" is affiliated to itself` : `affiliations run in a circle: ${[...ring, id].join(' → ')}; one of them must not be affiliated to the next`;
      problems.add(file, 'affiliation', reason);
    }
    for (const p of path) state.set(p, 'done');
  }
}
