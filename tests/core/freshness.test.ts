// Which addresses a tree's sources are checked at, how a check's findings become a status, which
// sources --update confirms, and which validate --max-age warns about: pure data in, data out.
import { describe, expect, it } from 'vitest';
import { addressesOf, confirmedSources, movedTo, statusOf, uncheckedSources, unaddressedSources, type AddressCheck } from '../../src/core/freshness.js';
import type { Source, Tree } from '../../src/core/schema.js';
import { fixture } from '../helpers.js';

const base = fixture('small.yaml');
const withSources = (sources: Record<string, Partial<Source>>): Tree => ({
  ...base,
  sources: Object.fromEntries(Object.entries(sources).map(([id, s]) => [id, { title: id, publisher: 'P', published: 'undated', kind: 'press', ...s } as Source])),
});

const tree = withSources({
  plain: { url: 'https://a.example/x', quotes: [{ text: 'one' }, { text: 'two' }] },
  copied: { kind: 'copy', quotes: [{ text: 'three', seen: 'https://copy.example/y (copy)' }, { text: 'four', seen: 'https://copy.example/y' }] },
  mixed: { url: 'https://b.example/z', quotes: [{ text: 'five' }, { text: 'six', seen: 'https://other.example/w (next list item)' }, { text: 'seven', seen: 'a printed leaflet' }] },
  nowhere: { quotes: [{ text: 'eight', seen: 'a dossier' }] },
});

describe('addressesOf', () => {
  it('checks each quote where it was seen: at the url unless a seen address says otherwise; nowhere when seen off the web', () => {
    expect(addressesOf(tree).map((a) => [a.sourceId, a.url, a.quotes.map((q) => q.index)])).toEqual([
      ['plain', 'https://a.example/x', [0, 1]],
      ['copied', 'https://copy.example/y', [0, 1]],
      ['mixed', 'https://b.example/z', [0]],
      ['mixed', 'https://other.example/w', [1]],
    ]);
    expect(unaddressedSources(tree, addressesOf(tree))).toEqual(['nowhere']);
  });
});

const check = (over: Partial<AddressCheck>): AddressCheck => ({ sourceId: 'plain', url: 'https://a.example/x', finalUrl: 'https://a.example/x', redirects: [], httpStatus: 200, quotes: [], ...over });

describe('statusOf', () => {
  it.each([
    ['gone', { httpStatus: 404 }],
    ['gone', { httpStatus: 410 }],
    ['blocked', { httpStatus: 403 }],
    ['blocked', { httpStatus: 401 }],
    ['blocked', { httpStatus: 429 }],
    ['unreachable', { httpStatus: 503 }],
    ['unreachable', { httpStatus: undefined, failure: 'no such host (DNS)' }],
    ['not-checked', { unreadable: 'PDF' }],
    ['blocked', { wall: 'no text on the page' }],
    ['quote-missing', { quotes: [{ index: 0, status: 'found' }, { index: 1, status: 'missing' }] }],
    ['quote-changed', { quotes: [{ index: 0, status: 'changed', similarity: 0.9 }] }],
    ['moved', { redirects: [{ status: 301, to: 'https://a.example/new' }], quotes: [{ index: 0, status: 'found' }] }],
    ['quote-missing', { redirects: [{ status: 301, to: 'https://a.example/new' }], quotes: [{ index: 0, status: 'missing' }] }],
    ['ok', { redirects: [{ status: 302, to: 'https://a.example/elsewhere' }], quotes: [{ index: 0, status: 'found' }] }],
    ['ok', { quotes: [{ index: 0, status: 'found' }] }],
  ] as const)('%s for %j', (status, over) => {
    expect(statusOf(check(over as Partial<AddressCheck>))).toBe(status);
  });
});

describe('movedTo', () => {
  it('follows the leading permanent redirects only', () => {
    const redirects = (...statuses: number[]) => statuses.map((status, i) => ({ status, to: `https://a.example/${i + 1}` }));
    expect(movedTo(check({ redirects: redirects(301, 308, 302) }))).toBe('https://a.example/2');
    expect(movedTo(check({ redirects: redirects(302, 301) }))).toBeUndefined();
    expect(movedTo(check({ redirects: [{ status: 301, to: 'https://a.example/x' }] }))).toBeUndefined();
  });
});

describe('confirmedSources', () => {
  it('confirms a source only when every quote was found and every address is ok', () => {
    const found = (index: number) => ({ index, status: 'found' as const });
    const checks = [
      check({ quotes: [found(0), found(1)] }),
      check({ sourceId: 'copied', url: 'https://copy.example/y', quotes: [found(0)] }), // quote 1 was not found
      check({ sourceId: 'mixed', url: 'https://b.example/z', quotes: [found(0)] }),
      check({ sourceId: 'mixed', url: 'https://other.example/w', quotes: [found(1)] }), // quote 2 has no address
    ];
    expect(confirmedSources(tree, checks)).toEqual(['plain']);
    expect(confirmedSources(tree, [check({ quotes: [found(0), found(1)], redirects: [{ status: 301, to: 'https://a.example/new' }] })])).toEqual([]);
  });
});

describe('uncheckedSources (validate --max-age)', () => {
  it('warns about sources with an address never checked, or checked too long ago', () => {
    const dated = withSources({
      fresh: { url: 'https://a.example/1', checked: '2026-11-20', quotes: [{ text: 'a' }] },
      stale: { url: 'https://a.example/2', checked: '2026-06-01', quotes: [{ text: 'b' }] },
      never: { url: 'https://a.example/3', quotes: [{ text: 'c' }] },
      offline: { quotes: [{ text: 'd', seen: 'a book' }] },
    });
    expect(uncheckedSources(dated, '2026-12-03', 90)).toEqual([
      { path: ['sources', 'stale', 'checked'], message: 'source "stale" was last checked 185 days ago, on 2026-06-01 (more than 90)', warning: true },
      { path: ['sources', 'never'], message: 'source "never" was never checked against the web (optout-check sources check --update)', warning: true },
    ]);
  });
});
