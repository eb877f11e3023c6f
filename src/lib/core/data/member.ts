/** A member as the map draws it: geocoded, with time as a day number (see core/time/days). */
export interface MemberPoint {
	id: string;
	hometown: string;
	country: string;
	lon: number;
	lat: number;
	/** Day of the first known terrorism-related act, days since TIME_ORIGIN. */
	day: number;
	role: string;
}

export interface MemberDataset {
	/** True for the bundled demo: the UI labels it synthetic wherever it appears. */
	synthetic: boolean;
	members: MemberPoint[];
}
