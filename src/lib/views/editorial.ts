// Editorial choices about this corpus that views depend on, kept in one place rather than in
// view code: a corpus without them gets no key figures and no casualty chart, never a wrong one.

/** The topic whose figures are the home page's key figures and feed the casualty chart. */
export const CASUALTY_TOPIC = 'war-losses';

/** What a figure must count to be drawn on the casualty chart: people killed, wounded or lost. */
export const CASUALTY_COUNTS = /killed|casualt|losses|injured/i;

/** Figures in the loss topic that are not losses (recruits to train or replace). */
export const NOT_CASUALTY_COUNTS = /to train|to replace/i;

/** The unit of the figures drawn on the rate-of-advance chart. */
export const ADVANCE_UNIT = 'metres per day';
