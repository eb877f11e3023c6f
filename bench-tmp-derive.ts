import { buildTimeIndex } from './src/lib/core/time/time-index';
import { buildHeatCells } from './src/lib/core/time/heat-cells';
import { applyFilters, emptyFilters, filterOptions } from './src/lib/core/filters/filters';
import { stableTopPeople } from './src/lib/core/heat-domain';
import { namedTowns, hotspotTable } from './src/lib/core/hotspots/hotspots';
import { domainFor } from './src/lib/core/time/membership';
import { countPerMonth, monthsIn } from './src/lib/core/time/months';
import { emptyRecord } from './src/lib/core/data/member';
const n = Number(process.argv[2] ?? 1e6);
const towns = ['Brussels', 'Paris', 'Lunel', 'Molenbeek', 'Antwerp', 'Raqqa', 'Tunis', 'Casablanca'];
const members = Array.from({ length: n }, (_, i) => ({ ...emptyRecord(`m${i}`), hometown: towns[i % 8]!, country: 'BE', lat: 36 + ((i * 7919) % 18000) / 1000, lon: -8 + ((i * 104729) % 40000) / 1000, day: 365 + 14 + 30 * (i % 12), dayEnd: 365 + 14 + 30 * (i % 12), datePrecision: 'day' as const, role: (i % 3 ? 'wider' : 'inner') as 'wider' }));
const t = (name: string, f: () => unknown) => { const t0 = performance.now(); const r = f(); console.log(name.padEnd(20), (performance.now() - t0).toFixed(0), 'ms'); return r; };
for (let rep = 0; rep < 2; rep++) {
const filtered = t('applyFilters', () => applyFilters(members, emptyFilters())) as typeof members;
const f2 = t('applyFilters role', () => applyFilters(members, { ...emptyFilters(), role: ['inner'] }));
const idx = t('buildTimeIndex', () => buildTimeIndex(filtered)) as ReturnType<typeof buildTimeIndex>;
t('buildHeatCells', () => buildHeatCells(idx));
t('stableTopPeople', () => stableTopPeople(members));
t('slice', () => idx.members.slice(0));
t('namedTowns', () => namedTowns(idx.members, 0));
t('hotspot town', () => hotspotTable(idx.members, 'town', { radiusKm: 15, k: 0 }));
t('hotspot country', () => hotspotTable(idx.members, 'country', { radiusKm: 15, k: 0 }));
t('filterOptions', () => filterOptions(members, emptyFilters()));
t('domainFor', () => domainFor(members.map((m) => m.day)));
t('countPerMonth', () => countPerMonth(monthsIn(0, 1095), idx.days));
}
