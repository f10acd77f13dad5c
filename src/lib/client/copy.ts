/**
 * Turns every `button[data-copy]` into a working "copy link" button: it copies the value of
 * the input it names with the Clipboard API and, where that is refused (no secure context,
 * no permission), selects the text and falls back to `execCommand('copy')` so the reader can
 * still copy it by hand. Buttons start `hidden` so readers without JS never see a dead button.
 */
export function enhanceCopyButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const input = document.getElementById(button.dataset['copy'] ?? '') as HTMLInputElement | null;
    const status = button.parentElement?.querySelector<HTMLElement>('.copy-status');
    if (!input) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const say = (msg: string): void => {
        if (status) status.textContent = msg;
      };
      try {
        await navigator.clipboard.writeText(input.value);
        say('Link copied.');
      } catch {
        input.select();
        const ok = document.execCommand?.('copy') ?? false;
        say(ok ? 'Link copied.' : 'Link selected: press Ctrl+C (⌘C) to copy.');
      }
    });
  }
}
