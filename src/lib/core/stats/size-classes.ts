/**
 * Town-size classes: members by the size of their hometown beside each class's share of the residents
 * of the countries involved. The study says members came from "small towns and midsized cities"; this
 * shows whether that is more than where people live.
 *
 * Country shares come from the gazetteer's places (GeoNames cities1000) summed by class per country:
 * places under 1,000 residents are not in it, so the shares are of the residents of places of 1,000 or
 * more, and a place's own figure decides its class (a commune inside a capital is classed by itself).
 */
export interface SizeClass {
	id: string;
	label: string;
	/** Residents from (inclusive) ... to (exclusive). */
	min: number;
	max: number;
}

export const SIZE_CLASSES: readonly SizeClass[] = [
	{ id: 'small', label: 'under 20,000', min: 0, max: 20_000 },
	{ id: 'medium', label: '20,000-100,000', min: 20_000, max: 100_000 },
	{ id: 'large', label: '100,000-500,000', min: 100_000, max: 500_000 },
	{ id: 'city', label: '500,000 and over', min: 500_000, max: Infinity }
];

/** Index into SIZE_CLASSES for a population, -1 when unknown. */
export function sizeClassOf(population: number | null | undefined): number {
	if (population === null || population === undefined || !(population > 0)) return -1;
	return SIZE_CLASSES.findIndex((c) => population >= c.min && population < c.max);
}

/** Residents by class of one country (same order as SIZE_CLASSES), and its number of places. */
export interface CountryClasses {
	byClass: number[];
	places: number;
}

export interface SizeClassRow {
	cls: SizeClass;
	members: number;
	/** members / members with a known class. */
	memberShare: number;
	residents: number;
	/** residents / residents of the countries involved. */
	residentShare: number;
	/** memberShare / residentShare: above 1 = more members than the class's residents would give. */
	ratio: number;
}

export interface SizeClassTable {
	rows: SizeClassRow[];
	/** Members whose town has no population figure. */
	unknown: number;
	/** The countries the resident shares are taken over (those of the members), sorted. */
	countries: string[];
	/** Countries of members that the population table lacks. */
	missingCountries: string[];
}

/**
 * Members by their town's class; shares of residents over the countries the members (with a known
 * class) come from.
 */
export function sizeClassTable(
	towns: readonly { count: number; population: number | null; country: string }[],
	countries: Readonly<Record<string, CountryClasses>>
): SizeClassTable {
	const members = SIZE_CLASSES.map(() => 0);
	let unknown = 0;
	const involved = new Set<string>();
	for (const t of towns) {
		const c = sizeClassOf(t.population);
		if (c < 0) unknown += t.count;
		else {
			members[c]! += t.count;
			if (t.country) involved.add(t.country);
		}
	}
	const residents = SIZE_CLASSES.map(() => 0);
	const missing: string[] = [];
	for (const cc of involved) {
		const row = countries[cc];
		if (!row) missing.push(cc);
		else row.byClass.forEach((r, i) => (residents[i]! += r));
	}
	const known = members.reduce((s, m) => s + m, 0);
	const allResidents = residents.reduce((s, r) => s + r, 0);
	const rows = SIZE_CLASSES.map((cls, i) => {
		const memberShare = known ? members[i]! / known : 0;
		const residentShare = allResidents ? residents[i]! / allResidents : 0;
		return {
			cls,
			members: members[i]!,
			memberShare,
			residents: residents[i]!,
			residentShare,
			ratio: residentShare ? memberShare / residentShare : NaN
		};
	});
	return { rows, unknown, countries: [...involved].sort(), missingCountries: missing.sort() };
}
