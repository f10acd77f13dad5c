// The benchmark's baseline: the smallest Astro site that renders the same synthetic reports as
// plain pages (same Astro, same unified processor, no plugins, no claims, no search), so the
// benchmark can state our cost per page as a ratio to it.
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';

export default defineConfig({
  markdown: { processor: unified({ smartypants: false }) },
  devToolbar: { enabled: false },
});
