/** Reading a prom-client registry in tests: the samples of one metric, and label values in the text. */
import type { Registry } from "prom-client";

export interface Sample {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

/** Every sample of metric `name` (with its _bucket, _sum and _count samples for a histogram). */
export async function samplesOf(registry: Registry, name: string): Promise<Sample[]> {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name} in the registry`);
  const { values } = await metric.get();
  return values.map((v) => ({
    metricName: (v as { metricName?: string }).metricName ?? name,
    labels: v.labels as Record<string, string | number>,
    value: v.value,
  }));
}

/** The value of one sample, or undefined when no sample has exactly these labels. */
export function sampleValue(samples: Sample[], metricName: string, labels: Record<string, string>) {
  const found = samples.find(
    (s) =>
      s.metricName === metricName &&
      Object.keys(labels).length === Object.keys(s.labels).length &&
      Object.entries(labels).every(([k, v]) => String(s.labels[k]) === v),
  );
  return found?.value;
}

/** Every value label `label` takes in Prometheus text (`name{label="value",...} n`), unescaped. */
export function labelValuesIn(text: string, label: string): Set<string> {
  const values = new Set<string>();
  const pattern = new RegExp(`[{,]${label}="((?:[^"\\\\]|\\\\.)*)"`, "g");
  const unescaped = (raw: string) => raw.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
  for (const match of text.matchAll(pattern)) values.add(unescaped(match[1]!));
  return values;
}
