/** Great-circle distance in km (haversine, mean Earth radius 6371.0088 km). */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
	const rad = Math.PI / 180;
	const dLat = (lat2 - lat1) * rad;
	const dLon = (lon2 - lon1) * rad;
	const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A circle of radiusKm around a point as a closed GeoJSON ring (spherical destination formula). */
export function circleRing(lon: number, lat: number, radiusKm: number, steps = 64): [number, number][] {
	const rad = Math.PI / 180;
	const d = radiusKm / 6371.0088;
	const lat1 = lat * rad;
	const lon1 = lon * rad;
	const ring: [number, number][] = [];
	for (let i = 0; i <= steps; i++) {
		const bearing = ((i % steps) / steps) * 2 * Math.PI;
		const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
		const lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
		ring.push([Math.round((lon2 / rad) * 1e5) / 1e5, Math.round((lat2 / rad) * 1e5) / 1e5]);
	}
	return ring;
}
