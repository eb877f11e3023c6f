import { describe, expect, it } from 'vitest';
import { emptyRecord } from '../../../../src/lib/core/data/member';
import { projectFromText, projectToText, PROJECT_FORMAT, type Project } from '../../../../src/lib/core/project/project-file';

const PROJECT: Project = {
	datasetName: 'Réseau test',
	dataset: {
		synthetic: false,
		members: [
			{
				...emptyRecord('A-1'),
				hometown: 'Molenbeek-Saint-Jean',
				country: 'BE',
				lon: 4.3224,
				lat: 50.8548,
				day: 680,
				dayEnd: 710,
				datePrecision: 'month',
				role: 'inner',
				arrested: 'yes',
				died: 'no',
				descent: 'Moroccan',
				recruiter: 'Zerkani network',
				plots: ['paris-2015-11-13'],
				source: 'test'
			},
			// Not geocoded, no date: NaN must survive the JSON round trip.
			{ ...emptyRecord('A-2'), hometown: 'Somewhere', weight: 2.5 }
		]
	},
	mappings: { 'first act date|town': { Town: 'hometown', first_act_date: 'date' } },
	geocodeChoices: {
		'halab|': {
			fingerprint: '',
			placeKey: 'halab|',
			hometown: 'Halab',
			country: '',
			lat: 36.2,
			lon: 37.15,
			place: 'Aleppo',
			place_country: 'SY',
			chosenAt: '2026-01-01T00:00:00.000Z'
		}
	},
	scenes: [
		{
			name: 'Brussels',
			state: { view: { longitude: 4.35, latitude: 50.85, zoom: 9 }, time: '2015-11-13', filters: { role: ['inner'] }, privacyK: 3 }
		}
	],
	view: { view: { longitude: 14, latitude: 43.5, zoom: 3.35 }, theme: 'dark' }
};

describe('project file', () => {
	it('round-trips exactly, NaN included', () => {
		const text = projectToText(PROJECT);
		const back = projectFromText(text);
		expect('project' in back && back.problems).toEqual([]);
		if (!('project' in back)) throw new Error('refused');
		expect(back.project).toEqual(PROJECT);
		expect(Number.isNaN(back.project.dataset.members[1]!.lon)).toBe(true);
		expect(projectToText(back.project)).toBe(text);
	});
	const REFUSED = [
		{ title: 'not JSON', input: '{', expected: /not JSON/ },
		{ title: 'another JSON file', input: '{"type":"FeatureCollection"}', expected: /not a Hometown Atlas project/ },
		{ title: 'a newer version', input: JSON.stringify({ format: PROJECT_FORMAT, version: 99 }), expected: /version 99/ }
	];
	it.each(REFUSED)('refuses $title with a reason', ({ input, expected }) => {
		const r = projectFromText(input);
		expect('error' in r && r.error).toMatch(expected);
	});
	const BAD_MEMBERS = [
		{ title: 'lon as text', input: { id: 'x', lon: '4.3' }, expected: 'member 2: lon is not a number' },
		{ title: 'no id', input: { hometown: 'x' }, expected: 'member 2: id is missing' },
		{ title: 'unknown role', input: { id: 'x', role: 'boss' }, expected: 'member 2: role is not one of inner, wider, unknown' },
		{ title: 'latitude out of range', input: { id: 'x', lat: 91 }, expected: 'member 2: lat out of range' },
		{ title: 'plots not ids', input: { id: 'x', plots: [1] }, expected: 'member 2: plots is not a list of ids' }
	];
	it.each(BAD_MEMBERS)('reports a bad member ($title) and keeps the rest', ({ input, expected }) => {
		const doc = JSON.parse(projectToText(PROJECT));
		doc.dataset.members[1] = input;
		const r = projectFromText(JSON.stringify(doc));
		if (!('project' in r)) throw new Error('refused');
		expect(r.problems).toEqual([expected]);
		expect(r.project.dataset.members.map((m) => m.id)).toEqual(['A-1']);
	});
	it('drops bad view values with a note', () => {
		const doc = JSON.parse(projectToText(PROJECT));
		doc.scenes[0].state.privacyK = 5000;
		const r = projectFromText(JSON.stringify(doc));
		if (!('project' in r)) throw new Error('refused');
		expect(r.project.scenes[0]!.state.privacyK).toBeUndefined();
		expect(r.problems[0]).toMatch(/scene 1: Ignored "k"/);
	});
});
