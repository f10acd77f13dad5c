import { describe, expect, test } from 'vitest';
import { nearestIds, slugOf, unknownReason } from '../../src/lib/content/suggest';

// The nearest existing ids for an unknown one, by spelling and by names and aliases; the
// bad-content fixtures (unknown-*, unknown-id-near-a-name) show the whole messages.
const sources = [
  { id: 'moscow-city-government', names: ["Moscow's mayor's office"] },
  { id: 'dmitry-peskov', names: ['Dmitry Peskov', 'Kremlin spokesman'] },
  { id: 'isw', names: ['Institute for the Study of War', 'ISW'] },
  { id: 'beta', names: ['Beta'] },
];

describe('nearest ids', () => {
  test('a name spelled as an id', () => {
    expect(slugOf("Moscow's mayor's office")).toBe('moscows-mayors-office');
    expect(slugOf('Émilia  Slabunová')).toBe('emilia-slabunova');
  });
  test('by spelling of the id, by a name, by an alias', () => {
    expect(nearestIds('dmitri-peskov', sources)).toEqual([{ id: 'dmitry-peskov', name: 'Dmitry Peskov' }]);
    expect(nearestIds('moscow-mayors-office', sources)).toEqual([
      { id: 'moscow-city-government', name: "Moscow's mayor's office" },
    ]);
    expect(nearestIds('kremlin-spokesman', sources)).toEqual([{ id: 'dmitry-peskov', name: 'Kremlin spokesman' }]);
    expect(nearestIds('institute-for-study-of-war', sources)).toEqual([
      { id: 'isw', name: 'Institute for the Study of War' },
    ]);
  });
  test('nothing far off, and a short id only one edit away', () => {
    expect(nearestIds('nobody', sources)).toEqual([]);
    expect(nearestIds('delta', sources)).toEqual([]);
    expect(nearestIds('bet', sources)).toEqual([{ id: 'beta', name: 'Beta' }]);
  });
  test('best first, at most three', () => {
    const many = ['topic-a', 'topic-b', 'topic-c', 'topic-d', 'topics-x'].map((id) => ({ id }));
    expect(nearestIds('topics-z', many)).toEqual([{ id: 'topics-x' }, { id: 'topic-a' }, { id: 'topic-b' }]);
  });
});

describe('the message', () => {
  test('names the missing file and the nearest ids', () => {
    expect(unknownReason('source', 'moscow-mayors-office', sources)).toBe(
      `unknown source "moscow-mayors-office" (no sources/moscow-mayors-office.yaml); did you mean "moscow-city-government" (Moscow's mayor's office)?`,
    );
    expect(unknownReason('claim', 'count-refsued', [{ id: 'count-refused' }, { id: 'count-refuted' }])).toBe(
      'unknown claim "count-refsued"; did you mean "count-refused" or "count-refuted"?',
    );
    expect(unknownReason('event', 'nothing-like-it', [{ id: 'e-fixture', names: ['An event'] }])).toBe(
      'unknown event "nothing-like-it" (no events/nothing-like-it.yaml)',
    );
  });
});
