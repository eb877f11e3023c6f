/**
 * The study region: Europe, North Africa, the Middle East and Turkey (plus the Caucasus and the
 * French overseas departments whose towns share names with mainland ones). The gazetteer holds every
 * place of 1,000 people or more here, and only larger cities elsewhere; the matcher prefers places
 * here when nothing else decides.
 */
export const REGION_COUNTRIES: ReadonlySet<string> = new Set(
	[
		// Europe
		'AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK',
		// French overseas departments (Saint-Denis, Réunion)
		'RE GP MQ GF YT',
		// North Africa and the Sahel's northern edge
		'MA DZ TN LY EG EH SD MR',
		// Middle East, Turkey, Caucasus
		'TR SY IQ LB JO IL PS SA YE OM AE QA BH KW IR AM AZ GE'
	]
		.join(' ')
		.split(' ')
);

/** Outside the region the gazetteer keeps places of at least this many people. */
export const WORLD_MIN_POPULATION = 15_000;

/**
 * The map's detailed area as [west, south, east, north] degrees: Atlantic coast to Iran, Sahel to the
 * Arctic. The finer basemap geometry, the divisions and the place names cover it.
 */
export const REGION_BBOX: [number, number, number, number] = [-30, 12, 66, 72];
