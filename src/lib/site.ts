/** The site's name, used in titles, feeds and citations. */
export const SITE_NAME = 'Claim Ledger';

/** Main navigation, in order. */
export const NAV: readonly { href: string; label: string }[] = [
  { href: '/articles/', label: 'Reports' },
  { href: '/claims/', label: 'Claims' },
  { href: '/sources/', label: 'Sources' },
  { href: '/topics/', label: 'Topics' },
  { href: '/timeline/', label: 'Timeline' },
  { href: '/figures/', label: 'Figures' },
  { href: '/about/', label: 'About' },
];
