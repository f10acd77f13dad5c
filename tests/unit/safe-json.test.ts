import { describe, expect, test } from 'vitest';
import { jsonForHtml } from '../../src/lib/exports/safe-json';

describe('jsonForHtml', () => {
  const hostile = { text: '</script><script>alert(1)</script> & <!-- \u2028\u2029' };
  test('escapes what could end the script element or start markup, and nothing else', () => {
    expect(jsonForHtml(hostile)).toBe(
      String.raw`{"text":"\u003C/script\u003E\u003Cscript\u003Ealert(1)\u003C/script\u003E \u0026 \u003C!-- \u2028\u2029"}`,
    );
  });
  test('is the same JSON value', () => {
    expect(JSON.parse(jsonForHtml(hostile))).toEqual(hostile);
    expect(jsonForHtml({ a: [1, 'b'] })).toBe(JSON.stringify({ a: [1, 'b'] }));
  });
});
