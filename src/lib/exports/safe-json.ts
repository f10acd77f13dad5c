// JSON placed inside an HTML <script> element ends at the first "</script>" whatever JSON thinks,
// and `JSON.stringify` leaves "<", ">" and "&" as they are. Escaping them as \u003C etc. keeps the
// same JSON value while no text can close the element, open a comment or start a character
// reference; U+2028 and U+2029 are escaped too, for consumers that parse the block as JavaScript.
const UNSAFE = /[<>&\u2028\u2029]/g;

/** `JSON.stringify(value)` made safe to place inside an HTML `<script>` element (JSON-LD). */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(
    UNSAFE,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
