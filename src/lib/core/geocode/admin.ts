/**
 * Administrative areas analysts write beside a town, as hints for the geocoder: French departements
 * by name and number ("Saint-Denis (93)", "Bondy, Seine-Saint-Denis"), Belgian provinces, Dutch
 * provinces and German Laender (names in the languages of the region, a few abbreviations such as
 * NRW), and postcodes (a French five-digit code names its departement, a Belgian four-digit one its
 * province). Codes are the gazetteer's `admin` column (GeoNames admin2 for France and Belgium,
 * admin1 for the Netherlands and Germany).
 */
import { normalizeName } from './normalize';

export interface AdminArea {
	country: string;
	code: string;
	/** The area's name for messages. */
	name: string;
}

const FR_DEPARTEMENTS: [string, string][] = [
	['01', 'Ain'],
	['02', 'Aisne'],
	['03', 'Allier'],
	['04', 'Alpes-de-Haute-Provence'],
	['05', 'Hautes-Alpes'],
	['06', 'Alpes-Maritimes'],
	['07', 'Ardeche'],
	['08', 'Ardennes'],
	['09', 'Ariege'],
	['10', 'Aube'],
	['11', 'Aude'],
	['12', 'Aveyron'],
	['13', 'Bouches-du-Rhone'],
	['14', 'Calvados'],
	['15', 'Cantal'],
	['16', 'Charente'],
	['17', 'Charente-Maritime'],
	['18', 'Cher'],
	['19', 'Correze'],
	['2A', 'Corse-du-Sud'],
	['2B', 'Haute-Corse'],
	['21', "Cote-d'Or"],
	['22', "Cotes-d'Armor"],
	['23', 'Creuse'],
	['24', 'Dordogne'],
	['25', 'Doubs'],
	['26', 'Drome'],
	['27', 'Eure'],
	['28', 'Eure-et-Loir'],
	['29', 'Finistere'],
	['30', 'Gard'],
	['31', 'Haute-Garonne'],
	['32', 'Gers'],
	['33', 'Gironde'],
	['34', 'Herault'],
	['35', 'Ille-et-Vilaine'],
	['36', 'Indre'],
	['37', 'Indre-et-Loire'],
	['38', 'Isere'],
	['39', 'Jura'],
	['40', 'Landes'],
	['41', 'Loir-et-Cher'],
	['42', 'Loire'],
	['43', 'Haute-Loire'],
	['44', 'Loire-Atlantique'],
	['45', 'Loiret'],
	['46', 'Lot'],
	['47', 'Lot-et-Garonne'],
	['48', 'Lozere'],
	['49', 'Maine-et-Loire'],
	['50', 'Manche'],
	['51', 'Marne'],
	['52', 'Haute-Marne'],
	['53', 'Mayenne'],
	['54', 'Meurthe-et-Moselle'],
	['55', 'Meuse'],
	['56', 'Morbihan'],
	['57', 'Moselle'],
	['58', 'Nievre'],
	['59', 'Nord'],
	['60', 'Oise'],
	['61', 'Orne'],
	['62', 'Pas-de-Calais'],
	['63', 'Puy-de-Dome'],
	['64', 'Pyrenees-Atlantiques'],
	['65', 'Hautes-Pyrenees'],
	['66', 'Pyrenees-Orientales'],
	['67', 'Bas-Rhin'],
	['68', 'Haut-Rhin'],
	['69', 'Rhone'],
	['70', 'Haute-Saone'],
	['71', 'Saone-et-Loire'],
	['72', 'Sarthe'],
	['73', 'Savoie'],
	['74', 'Haute-Savoie'],
	['75', 'Paris'],
	['76', 'Seine-Maritime'],
	['77', 'Seine-et-Marne'],
	['78', 'Yvelines'],
	['79', 'Deux-Sevres'],
	['80', 'Somme'],
	['81', 'Tarn'],
	['82', 'Tarn-et-Garonne'],
	['83', 'Var'],
	['84', 'Vaucluse'],
	['85', 'Vendee'],
	['86', 'Vienne'],
	['87', 'Haute-Vienne'],
	['88', 'Vosges'],
	['89', 'Yonne'],
	['90', 'Territoire de Belfort'],
	['91', 'Essonne'],
	['92', 'Hauts-de-Seine'],
	['93', 'Seine-Saint-Denis'],
	['94', 'Val-de-Marne'],
	['95', "Val-d'Oise"]
];

/** [country, code, names...]: the first name is the one messages use. */
const AREAS: [string, string, ...string[]][] = [
	[
		'BE',
		'BRU',
		'Brussels-Capital',
		'Bruxelles-Capitale',
		'Brussels Hoofdstedelijk Gewest',
		'Region de Bruxelles-Capitale',
		'Brussels Capital Region'
	],
	['BE', 'VAN', 'Antwerp (province)', 'Provincie Antwerpen', 'Province d Anvers'],
	['BE', 'VBR', 'Flemish Brabant', 'Vlaams-Brabant', 'Brabant flamand'],
	['BE', 'VLI', 'Limburg (Belgium)', 'Limburg', 'Limbourg', 'Belgisch Limburg'],
	['BE', 'VOV', 'East Flanders', 'Oost-Vlaanderen', 'Flandre-Orientale', 'O-Vl'],
	['BE', 'VWV', 'West Flanders', 'West-Vlaanderen', 'Flandre-Occidentale', 'W-Vl'],
	['BE', 'WBR', 'Walloon Brabant', 'Brabant wallon', 'Waals-Brabant'],
	['BE', 'WHT', 'Hainaut', 'Henegouwen', 'Hennegau'],
	['BE', 'WLG', 'Liege (province)', 'Province de Liege', 'Provincie Luik'],
	['BE', 'WLX', 'Luxembourg (province)', 'Province de Luxembourg', 'Provincie Luxemburg'],
	['BE', 'WNA', 'Namur (province)', 'Province de Namur', 'Provincie Namen'],
	['NL', '01', 'Drenthe'],
	['NL', '02', 'Friesland', 'Fryslan', 'Frise'],
	['NL', '03', 'Gelderland', 'Gueldre'],
	['NL', '04', 'Groningen (province)', 'Provincie Groningen'],
	['NL', '05', 'Limburg (Netherlands)', 'Limburg', 'Nederlands Limburg'],
	['NL', '06', 'North Brabant', 'Noord-Brabant', 'Brabant-Septentrional'],
	['NL', '07', 'North Holland', 'Noord-Holland', 'Hollande-Septentrionale', 'N-H'],
	['NL', '09', 'Utrecht (province)', 'Provincie Utrecht'],
	['NL', '10', 'Zeeland', 'Zelande'],
	['NL', '11', 'South Holland', 'Zuid-Holland', 'Hollande-Meridionale', 'Z-H'],
	['NL', '15', 'Overijssel'],
	['NL', '16', 'Flevoland'],
	['DE', '01', 'Baden-Wuerttemberg', 'Baden-Württemberg', 'Bade-Wurtemberg'],
	['DE', '02', 'Bavaria', 'Bayern', 'Baviere', 'Beieren'],
	['DE', '03', 'Bremen (Land)', 'Freie Hansestadt Bremen'],
	['DE', '04', 'Hamburg (Land)', 'Freie und Hansestadt Hamburg'],
	['DE', '05', 'Hesse', 'Hessen'],
	['DE', '06', 'Lower Saxony', 'Niedersachsen', 'Basse-Saxe', 'Nedersaksen'],
	['DE', '07', 'North Rhine-Westphalia', 'Nordrhein-Westfalen', 'NRW', 'Rhenanie-du-Nord-Westphalie', 'Noordrijn-Westfalen'],
	['DE', '08', 'Rhineland-Palatinate', 'Rheinland-Pfalz', 'Rhenanie-Palatinat', 'Rijnland-Palts'],
	['DE', '09', 'Saarland', 'Sarre'],
	['DE', '10', 'Schleswig-Holstein'],
	['DE', '11', 'Brandenburg (Land)', 'Land Brandenburg'],
	['DE', '12', 'Mecklenburg-Western Pomerania', 'Mecklenburg-Vorpommern'],
	['DE', '13', 'Saxony', 'Sachsen', 'Saxe', 'Saksen'],
	['DE', '14', 'Saxony-Anhalt', 'Sachsen-Anhalt', 'Saxe-Anhalt', 'Saksen-Anhalt'],
	['DE', '15', 'Thuringia', 'Thueringen', 'Thüringen', 'Thuringe'],
	['DE', '16', 'Berlin (Land)', 'Land Berlin'],
	...FR_DEPARTEMENTS.map(([code, name]): [string, string, ...string[]] => [
		'FR',
		code,
		name,
		...(name.includes('Saint') ? [name.replace('Saint', 'St')] : [])
	])
];

const BY_NAME = new Map<string, AdminArea[]>();
for (const [country, code, ...names] of AREAS) {
	for (const n of names) {
		const key = normalizeName(n);
		const list = BY_NAME.get(key) ?? [];
		if (!list.some((a) => a.country === country && a.code === code)) list.push({ country, code, name: names[0]! });
		BY_NAME.set(key, list);
	}
}
const DEPARTEMENT = new Map(FR_DEPARTEMENTS.map(([code, name]) => [code, name]));

/** Belgian postcodes by first digits (bpost's ranges). */
function belgianProvince(postcode: number): string | null {
	const ranges: [number, number, string][] = [
		[1000, 1299, 'BRU'],
		[1300, 1499, 'WBR'],
		[1500, 1999, 'VBR'],
		[2000, 2999, 'VAN'],
		[3000, 3499, 'VBR'],
		[3500, 3999, 'VLI'],
		[4000, 4999, 'WLG'],
		[5000, 5999, 'WNA'],
		[6000, 6599, 'WHT'],
		[6600, 6999, 'WLX'],
		[7000, 7999, 'WHT'],
		[8000, 8999, 'VWV'],
		[9000, 9999, 'VOV']
	];
	return ranges.find(([lo, hi]) => postcode >= lo && postcode <= hi)?.[2] ?? null;
}

/**
 * The administrative areas a qualifier may name: an area's name ("Seine-Saint-Denis", "Noord-Holland",
 * "Bayern"), a departement number ("93", "2A"), or a postcode ("93200" -> 93; "1080" -> Brussels).
 * Several answers when the text is ambiguous (Limburg: Belgium or the Netherlands).
 */
export function adminAreasOf(text: string): AdminArea[] {
	return adminAreasOfKey(normalizeName(text.trim()));
}

/** adminAreasOf for text already normalised (normalizeName of the trimmed text): the geocoder has the key at hand. */
export function adminAreasOfKey(key: string): AdminArea[] {
	if (!key) return [];
	const named = BY_NAME.get(key);
	if (named) return named;
	const m = /^(\d{2}|2[ab])$/i.exec(key);
	if (m) {
		const code = m[1]!.toUpperCase();
		const name = DEPARTEMENT.get(code);
		return name ? [{ country: 'FR', code, name }] : [];
	}
	if (/^\d{5}$/.test(key)) {
		const dd = key.startsWith('20') ? '' : key.slice(0, 2);
		const name = DEPARTEMENT.get(dd);
		return name ? [{ country: 'FR', code: dd, name }] : [];
	}
	if (/^\d{4}$/.test(key)) {
		const code = belgianProvince(Number(key));
		const area = code ? AREAS.find(([c, k]) => c === 'BE' && k === code) : undefined;
		return area ? [{ country: 'BE', code: code!, name: area[2] ?? code! }] : [];
	}
	return [];
}
