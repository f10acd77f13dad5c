import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

// `[19]`, `[31]`, and the interlanguage marker `[ru]` as they appear in encyclopedia text.
const MARK = /\[(?:\d{1,3}|[a-z]{2})\]/g;

/**
 * Shows the citation markers that encyclopedia text carries (`[19]`, `[31][32]`, `[ru]`) as small
 * reference marks instead of running text. The characters are kept exactly as they are (the text
 * stays verbatim and quotes still match); they are only wrapped in `<sup class="cite-mark">`,
 * which search ignores.
 */
export default function rehypeCitationMarks() {
  return (tree: Root): void => {
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined || !MARK.test(node.value)) return;
      MARK.lastIndex = 0;
      const parts: ElementContent[] = [];
      let last = 0;
      for (const m of node.value.matchAll(MARK)) {
        if (m.index > last) parts.push({ type: 'text', value: node.value.slice(last, m.index) });
        const sup: Element = {
          type: 'element',
          tagName: 'sup',
          properties: { className: ['cite-mark'], dataPagefindIgnore: '' },
          children: [{ type: 'text', value: m[0] }],
        };
        parts.push(sup);
        last = m.index + m[0].length;
      }
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}
