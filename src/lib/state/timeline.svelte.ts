/**
 * The timeline: the slider's date, its domain, the cumulative/window mode, playback. The dataset owner
 * widens the domain when a dataset is prepared (fitDomain); everything else changes it through the
 * user's controls, links and scenes.
 */
import { DEFAULT_DOMAIN, type TimeMode } from '$lib/core/time/membership';
import { addMonths } from '$lib/core/time/months';
import { advanceClock, clampDay, playStart } from '$lib/core/time/playback';
import type { DatedEvent } from '$lib/core/time/events';
import { periodDomain, periodLabel, periodShowing, yearsOf, type Years } from '$lib/core/time/period';
import { longDate } from '$lib/core/time/format';

/** While playing, the member lists follow the date this often (see Timeline.listDay). */
const LIST_REFRESH_MS = 500;

export class Timeline {
	#domain = $state.raw<readonly [number, number]>([DEFAULT_DOMAIN[0], DEFAULT_DOMAIN[1]]);
	/** The slider's date, a day number since TIME_ORIGIN. Starts at the end: everyone visible. */
	#time = $state(DEFAULT_DOMAIN[1]);
	#mode = $state<TimeMode>('cumulative');
	#windowMonths = $state(6);
	#playing = $state(false);
	/** Playback speed: 1 = one month per second. */
	#speed = $state(1);
	#loop = $state(false);
	/** Heat colours: false = fixed in people for the whole dataset (default); true = rescaled to the frame. */
	#heatRescale = $state(false);
	/** Members without a date: on the map at every date (the default), or hidden by the analyst. */
	#showUndated = $state(true);
	/**
	 * The date the member lists (hotspot table, town tooltips) follow. While playing it is refreshed
	 * twice a second, so their work does not run on every frame; paused, it is `time`.
	 */
	#listDay = $state(DEFAULT_DOMAIN[1]);
	#frame = 0;
	/** Playing driven from outside (playStepped), and when the member lists last followed the date. */
	#stepped = false;
	#lastList = 0;
	/** The slider's period in whole years, or null for the study's 2014-2016 (core/time/period.ts). */
	#periodYears = $state.raw<Years | null>(null);
	/** The dataset's whole years (set by the dataset owner through fitDomain). */
	#dataDomain = $state.raw<readonly [number, number]>([DEFAULT_DOMAIN[0], DEFAULT_DOMAIN[1]]);
	#dataKnown = false;
	/** A link's date, shown once the data (and so its years) is known. */
	#linkedDay: number | null = null;
	#note: (note: string) => void = () => {};

	/** Plots and policy dates (geodata/events.json), sorted, with day numbers; loaded after the first view. */
	#events = $state.raw<readonly DatedEvent[]>([]);

	get events(): readonly DatedEvent[] {
		return this.#events;
	}
	get domain(): readonly [number, number] {
		return this.#domain;
	}
	get time() {
		return this.#time;
	}
	get mode() {
		return this.#mode;
	}
	get windowMonths() {
		return this.#windowMonths;
	}
	get playing() {
		return this.#playing;
	}
	get speed() {
		return this.#speed;
	}
	get loop() {
		return this.#loop;
	}
	get heatRescale() {
		return this.#heatRescale;
	}
	get showUndated() {
		return this.#showUndated;
	}
	setShowUndated(show: boolean) {
		this.#showUndated = show;
	}
	get listDay() {
		return this.#listDay;
	}
	get periodYears(): Years | null {
		return this.#periodYears;
	}
	/** The data's whole years, for the period menu. */
	get dataYears(): Years {
		return yearsOf([this.#dataDomain[0], this.#dataDomain[1]]);
	}
	/** The date is at the end of the domain (the default: everyone visible). */
	get atEnd() {
		return this.#time >= this.#domain[1];
	}

	/**
	 * Loads the events file and its reader with import(): they are not needed for the first heat
	 * frame and weigh about 3 kB gzipped (npm run test:size). Entries the file check rejects are left out.
	 */
	async loadEvents(): Promise<string[]> {
		const [{ readEvents }, file] = await Promise.all([import('$lib/core/time/events'), import('../../../geodata/events.json')]);
		const { events, problems } = readEvents(file.default);
		this.#events = events;
		return problems;
	}

	setTime(day: number) {
		this.#time = clampDay(day, this.#domain);
		if (this.#stepped && this.#playing) {
			const now = performance.now();
			if (now - this.#lastList >= LIST_REFRESH_MS) {
				this.#listDay = this.#time;
				this.#lastList = now;
			}
		}
	}

	setMode(mode: TimeMode) {
		this.#mode = mode;
	}

	setWindowMonths(months: number) {
		this.#windowMonths = Math.min(36, Math.max(1, Math.round(months)));
	}

	/** Moves the date by whole calendar months (same day of the month, clamped to its end). */
	stepMonths(months: number) {
		this.setTime(addMonths(this.#time, months));
	}

	setSpeed(speed: number) {
		this.#speed = Math.min(16, Math.max(0.5, speed));
	}

	setLoop(loop: boolean) {
		this.#loop = loop;
	}

	setHeatRescale(rescale: boolean) {
		this.#heatRescale = rescale;
	}

	togglePlay() {
		if (this.#playing) this.pause();
		else this.play();
	}

	/** Plays from the current date (from the start when at the end), one animation frame at a time. */
	play() {
		if (this.#playing || typeof requestAnimationFrame === 'undefined') return;
		this.#playing = true;
		const domain = this.#domain;
		let clock = playStart(this.#time, domain);
		this.#time = clock;
		let last = performance.now();
		let lastList = last;
		this.#listDay = clock;
		const tick = (now: number) => {
			if (!this.#playing) return;
			// A date set meanwhile by the user (a drag, a key) wins over the clock.
			if (Math.floor(clock) !== this.#time) clock = this.#time;
			const step = advanceClock(clock, now - last, this.#speed, this.#domain, this.#loop);
			last = now;
			clock = step.clock;
			this.#time = Math.floor(clock);
			if (now - lastList >= LIST_REFRESH_MS) {
				this.#listDay = this.#time;
				lastList = now;
			}
			if (step.stopped) this.#playing = false;
			else this.#frame = requestAnimationFrame(tick);
		};
		this.#frame = requestAnimationFrame(tick);
	}

	/**
	 * Playing driven from outside: the caller sets one date per frame (setTime) instead of the animation
	 * clock, and the member lists start at `listDay` and follow the date as often as during play(). The
	 * timeline benchmark times frames this way; pause() ends it.
	 */
	playStepped(listDay: number) {
		this.pause();
		this.#playing = true;
		this.#stepped = true;
		this.#listDay = listDay;
		this.#lastList = performance.now();
	}

	pause() {
		this.#playing = false;
		this.#stepped = false;
		if (typeof cancelAnimationFrame !== 'undefined') cancelAnimationFrame(this.#frame);
	}

	/**
	 * A new dataset's whole years. The slider shows the period over them: the study's 2014-2016 unless
	 * widened (core/time/period.ts). A date at the old end follows the end; a link's date waiting for
	 * the data is shown now.
	 */
	fitDomain(dataDomain: readonly [number, number]) {
		this.#dataDomain = [dataDomain[0], dataDomain[1]];
		this.#dataKnown = true;
		this.#refit();
		this.#applyLinkedDay();
	}

	#refit() {
		const atEnd = this.atEnd;
		this.#domain = periodDomain(this.#periodYears, [this.#dataDomain[0], this.#dataDomain[1]]);
		this.#time = atEnd ? this.#domain[1] : clampDay(this.#time, this.#domain);
	}

	/** The analyst widens (or narrows) the period; null = the study period. */
	setPeriod(years: Years | null) {
		this.#periodYears = years ? [years[0], years[1]] : null;
		this.#refit();
	}

	/** Where notes for the user go (the link notes; set by the composition root). */
	setNoteSink(note: (note: string) => void) {
		this.#note = note;
	}

	/** A link's date: shown exactly, the period widened when it lies outside (with a note saying so). */
	openAtLinkedDay(day: number) {
		this.#linkedDay = day;
		this.setTime(day);
		if (this.#dataKnown) this.#applyLinkedDay();
	}

	#applyLinkedDay() {
		const day = this.#linkedDay;
		if (day === null) return;
		this.#linkedDay = null;
		const years = periodShowing(day, this.#periodYears, [this.#dataDomain[0], this.#dataDomain[1]]);
		if (years !== this.#periodYears && years) {
			this.setPeriod(years);
			this.#note(`The link's date, ${longDate(day)}, is outside the study period: the timeline now runs ${periodLabel(years)}.`);
		}
		this.setTime(day);
	}
}
