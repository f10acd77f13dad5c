// Report pages use claim ids as element ids (`#<claim-id>` is a claim's permanent URL), and
// claim ids are kebab-case: lowercase letters, digits, hyphens. Every id a page gives its own
// elements starts with "p_", which a claim id cannot contain, so no claim, present or future, can
// collide with the page ("main", "link-…"); it still starts with a letter, as validators expect.
const PREFIX = 'p_';

/** The element id for one of the page's own elements (skip target, form field, heading). */
export const pageId = (name: string): string => `${PREFIX}${name}`;

/** Whether an element id is one of the page's own (see `pageId`). */
export const isPageId = (id: string): boolean => id.startsWith(PREFIX);
