declare module 'asciichart' {
  interface PlotConfig {
    height?: number;
    min?: number;
    max?: number;
    offset?: number;
    padding?: string;
    format?: (x: number, i: number) => string;
  }
  const asciichart: { plot(series: number[] | number[][], config?: PlotConfig): string };
  export default asciichart;
}
