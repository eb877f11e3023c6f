/** The exported page's own styles (with MapLibre's): map first, legend over it, timeline below. */
export const viewerCss = `
html, body { margin: 0; height: 100%; font-family: system-ui, 'DejaVu Sans', sans-serif; color: #222; }
body { display: grid; grid-template-rows: auto minmax(0, 1fr) auto; position: fixed; inset: 0; }
body[data-theme='dark'] { color: #e6eaf0; background: #1b222c; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2rem 0.9rem; padding: 0.4rem 0.8rem; border-bottom: 1px solid #ddd; }
h1 { font-size: 1.1rem; margin: 0; }
.label { margin: 0; font-size: 0.8rem; padding: 0.15rem 0.5rem; background: #eaf2fb; border-left: 3px solid #2c6fb7; color: #12355e; }
.label.synthetic { background: #fff4e5; border-left-color: #e67e22; color: #5a3200; }
#map { position: relative; min-height: 0; }
.legend { position: absolute; left: 10px; bottom: 28px; z-index: 2; background: rgba(255,255,255,0.94); color: #222; border-radius: 6px; padding: 0.5rem 0.7rem; box-shadow: 0 1px 4px rgba(0,0,0,0.2); font-size: 0.8rem; max-width: min(18rem, 70vw); }
.legend h2 { font-size: 0.85rem; margin: 0 0 0.3rem; }
.legend .ramp { height: 10px; border: 1px solid #ddd; border-radius: 2px; }
.legend .ends { display: flex; justify-content: space-between; }
.legend p { margin: 0.3rem 0 0; }
.legend .note { color: #555; font-size: 0.75rem; }
.legend .label { margin-top: 0.4rem; font-size: 0.75rem; }
.legend .routes { list-style: none; margin: 0.3rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.1rem 0.6rem; }
.legend .swatch { display: inline-block; width: 14px; height: 4px; margin-right: 0.3rem; vertical-align: middle; }
footer { display: grid; grid-template-columns: minmax(0, auto) auto minmax(0, 1fr); align-items: center; gap: 0.3rem 1rem; padding: 0.4rem 0.8rem; border-top: 1px solid #ddd; }
.date { font-size: 1.6rem; font-weight: 700; margin: 0; font-variant-numeric: tabular-nums; white-space: nowrap; }
.mode { margin: 0; font-size: 0.75rem; color: #555; }
body[data-theme='dark'] .mode { color: #a9b2bf; }
button { font: inherit; min-width: 44px; min-height: 44px; border-radius: 4px; border: 1px solid #bbb; background: #fff; cursor: pointer; }
.play { background: #222; color: #fff; border-color: #222; font-size: 1.1rem; }
input[type=range] { width: 100%; min-height: 44px; }
@media (max-width: 600px) {
  footer { grid-template-columns: minmax(0, 1fr) auto; }
  footer input[type=range] { grid-column: 1 / -1; }
  .date { font-size: 1.25rem; }
}
`;
