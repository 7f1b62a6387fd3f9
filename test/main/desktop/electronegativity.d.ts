/** The part of electronegativity's programmatic API the audit test uses (it ships no types). */
declare module '@doyensec/electronegativity' {
  interface ScanOptions {
    input: string
    excludeFromScan?: string[]
    electronVersionOverride?: string
    isRelative?: boolean
  }
  interface ScanResult {
    errors: { file: string; message: string; tolerable: boolean }[]
    issues: { id: string; file: string; location: { line: number; column: number } }[]
  }
  function run(options: ScanOptions): Promise<ScanResult>
  export = run
}
