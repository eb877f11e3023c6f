import { describe, it, expect } from 'vitest';
import { headerSignature, mappingFor, presetFor } from '../../../../src/lib/core/data/presets';

const GTD = [
	'eventid',
	'iyear',
	'imonth',
	'iday',
	'country',
	'country_txt',
	'provstate',
	'city',
	'latitude',
	'longitude',
	'location',
	'nkill'
];
const ACLED = ['event_id_cnty', 'event_date', 'year', 'country', 'iso', 'admin1', 'location', 'latitude', 'longitude', 'fatalities'];
const OTHER = ['id', 'hometown', 'lat', 'lon'];

const CASES = [
	{
		title: 'GTD codebook columns',
		headers: GTD,
		saved: {},
		expected: {
			key: 'gtd',
			origin: 'built-in',
			mapping: {
				eventid: 'id',
				iyear: 'year',
				imonth: 'month',
				iday: 'day',
				country: 'ignore',
				country_txt: 'country',
				city: 'hometown',
				location: 'ignore',
				latitude: 'lat',
				longitude: 'lon',
				nkill: 'weight'
			}
		}
	},
	{
		title: 'GTD columns in capitals',
		headers: GTD.map((h) => h.toUpperCase()),
		saved: {},
		expected: { key: 'gtd', origin: 'built-in', mapping: { EVENTID: 'id', NKILL: 'weight', COUNTRY_TXT: 'country' } }
	},
	{
		title: 'ACLED export columns',
		headers: ACLED,
		saved: {},
		expected: {
			key: 'acled',
			origin: 'built-in',
			mapping: { event_id_cnty: 'id', event_date: 'date', year: 'ignore', iso: 'ignore', location: 'hometown', fatalities: 'weight' }
		}
	},
	{
		title: 'a saved mapping for this header wins',
		headers: OTHER,
		saved: { [headerSignature(OTHER)]: { hometown: 'ignore' } },
		expected: { key: 'id|hometown|lat|lon', origin: 'saved', mapping: { hometown: 'ignore' } }
	},
	{
		title: 'a saved mapping over a built-in source keeps the rest of it',
		headers: ACLED,
		saved: { [headerSignature(ACLED)]: { admin1: 'hometown', location: 'ignore' } },
		expected: { key: headerSignature(ACLED), origin: 'saved', mapping: { admin1: 'hometown', location: 'ignore', fatalities: 'weight' } }
	},
	{ title: 'a saved mapping for another header is not used', headers: OTHER, saved: { 'a|b': { a: 'hometown' } }, expected: null },
	{ title: 'a header that is no known source', headers: OTHER, saved: {}, expected: null },
	{ title: 'a prototype name as saved key is not a mapping', headers: ['constructor'], saved: {}, expected: null }
] as const;

describe('presetFor / mappingFor', () => {
	it.each(CASES)('$title', ({ headers, saved, expected }) => {
		const preset = presetFor(headers, saved as never);
		if (!expected) return expect(preset).toBeNull();
		expect({ key: preset!.key, origin: preset!.origin }).toEqual({ key: expected.key, origin: expected.origin });
		expect(mappingFor(headers, preset)).toMatchObject(expected.mapping);
	});

	it("the user's choices win over the preset", () => {
		expect(mappingFor(GTD, presetFor(GTD), { nkill: 'ignore' }).nkill).toBe('ignore');
	});
});
