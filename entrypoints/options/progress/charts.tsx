/**
 * Small SVG charts drawn with Preact: a few hundred bytes of code instead of a charting library,
 * themed by CSS classes (options.css) so they follow light and dark.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { labelledBars } from './ticks';

/** Before the chart is measured (and in a page without layout). */
const DEFAULT_WIDTH = 640;
const HEIGHT = 180;
const PLOT = { left: 34, right: 8, top: 14, bottom: 26 };

/**
 * The chart's width in CSS pixels, kept up to date: the chart is drawn at that width, so its
 * labels keep their 12 px in a narrow window instead of shrinking with a scaled drawing.
 */
function useWidth() {
  const ref = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useLayoutEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    const measure = () => {
      const measured = Math.round(svg.getBoundingClientRect().width);
      if (measured > 0) setWidth(measured);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** 1, 2, 5, 10, 20, 50… at or above `max`, so the top gridline is a round number. */
function niceMax(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= max)!;
}

export interface Bar {
  key: string;
  value: number;
  /** Read by screen readers and shown on hover: "Nov 3: 4 urges". */
  title: string;
  /** The axis label under the bar, if this bar gets one. */
  tick?: string;
  /** A slip happened on this bar's day. */
  slip?: boolean;
  /** This bar is part of the current streak. */
  streak?: boolean;
}

interface FigureProps {
  id: string;
  title: string;
  summary: string;
  children: ComponentChildren;
  legend?: ComponentChildren;
}

/** A chart with its title and the summary beside it, which is also the image's description. */
export function ChartFigure({ id, title, summary, children, legend }: FigureProps) {
  return (
    <figure class="chart card" data-testid={`chart-${id}`} aria-labelledby={`${id}-title`}>
      <figcaption class="chart-caption">
        <h3 id={`${id}-title`}>{title}</h3>
        <p class="chart-summary" id={`${id}-summary`} data-testid="chart-summary">
          {summary}
        </p>
      </figcaption>
      {children}
      {legend && <div class="chart-legend small muted">{legend}</div>}
    </figure>
  );
}

/**
 * Bars over time. With nothing counted and nothing marked it draws nothing: the summary already
 * says so, and an empty plot would only be a blank box.
 */
export function BarChart({ id, bars }: { id: string; bars: Bar[] }) {
  const marked = bars.some((bar) => bar.value > 0 || bar.streak || bar.slip);
  return marked ? <BarPlot id={id} bars={bars} /> : null;
}

function BarPlot({ id, bars }: { id: string; bars: Bar[] }) {
  const { ref, width } = useWidth();
  const highest = Math.max(0, ...bars.map((bar) => bar.value));
  const max = niceMax(highest);
  const plotWidth = width - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = plotWidth / Math.max(1, bars.length);
  const gap = Math.min(4, slot * 0.25);
  const y = (value: number) => PLOT.top + plotHeight - (value / max) * plotHeight;
  const streakFrom = bars.findIndex((bar) => bar.streak);
  const labelled = labelledBars(bars, slot);
  // With nothing to show, a scale up to 1 would only be noise: the baseline is enough.
  const gridlines = highest === 0 ? [0] : max % 2 === 0 ? [0, max / 2, max] : [0, max];
  return (
    <svg
      ref={ref}
      class="chart-svg"
      viewBox={`0 0 ${width} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-summary`}
      data-testid="bar-chart"
    >
      {streakFrom >= 0 && (
        <rect
          class="chart-streak"
          x={PLOT.left + streakFrom * slot}
          y={PLOT.top}
          width={(bars.length - streakFrom) * slot}
          height={plotHeight}
          data-testid="streak-band"
        />
      )}
      {gridlines.map((tick) => (
        <g key={tick}>
          <line class="chart-grid" x1={PLOT.left} x2={width - PLOT.right} y1={y(tick)} y2={y(tick)} />
          <text class="chart-axis" x={PLOT.left - 6} y={y(tick) + 4} text-anchor="end">
            {tick}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const x = PLOT.left + i * slot + gap / 2;
        const top = y(bar.value);
        return (
          <g key={bar.key}>
            {bar.slip && (
              <g data-testid="slip-mark">
                <line class="chart-slip" x1={x + (slot - gap) / 2} x2={x + (slot - gap) / 2} y1={PLOT.top} y2={PLOT.top + plotHeight} />
                <circle class="chart-slip-dot" cx={x + (slot - gap) / 2} cy={PLOT.top - 6} r={4} />
              </g>
            )}
            <rect class="chart-bar" x={x} y={top} width={Math.max(1, slot - gap)} height={PLOT.top + plotHeight - top} rx={2} data-testid="bar" data-value={bar.value}>
              <title>{bar.title}</title>
            </rect>
            {bar.tick && labelled.has(i) && (
              <text class="chart-axis" x={x + (slot - gap) / 2} y={HEIGHT - 8} text-anchor="middle">
                {bar.tick}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export interface Row {
  key: string;
  label: string;
  value: number;
}

/**
 * Horizontal bars for categories, most first: a list (read as one by screen readers) of the
 * label, the bar and the count. HTML rather than SVG, so the labels keep their size in a half-width card.
 */
export function RowChart({ rows }: { rows: Row[] }) {
  const max = Math.max(1, ...rows.map((row) => row.value));
  return (
    <ul class="row-chart" data-testid="row-chart">
      {rows.map((row) => (
        <li key={row.key} data-testid="row" data-key={row.key} data-value={row.value}>
          <span class="row-label">{row.label}</span>
          <span class="row-track" aria-hidden="true">
            <span class="row-bar" style={{ width: `${(row.value / max) * 100}%` }} />
          </span>
          <span class="row-value">{row.value}</span>
        </li>
      ))}
    </ul>
  );
}
