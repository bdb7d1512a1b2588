declare module 'asciichart' {
  interface PlotConfig {
    height?: number;
    min?: number;
    max?: number;
    offset?: number;
    padding?: string;
    format?: (x: number, i: number) => string;
    colors?: string[];
  }
  const asciichart: {
    plot(series: number[] | number[][], config?: PlotConfig): string;
    default: string;
    blue: string;
    yellow: string;
    green: string;
    magenta: string;
    cyan: string;
    red: string;
    lightblue: string;
    lightgray: string;
  };
  export default asciichart;
}
