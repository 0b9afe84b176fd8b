// The part of wink-naive-bayes-text-classifier's API the triage uses (the package ships no types).
declare module "wink-naive-bayes-text-classifier" {
  interface NaiveBayesTextClassifier {
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    definePrepTasks(tasks: ((input: unknown) => unknown)[]): number;
    learn(input: string[], label: string): boolean;
    consolidate(): boolean;
    /** [label, log2 odds] pairs, highest first; [["unknown", 0]] when no token is known. */
    computeOdds(input: string[]): [string, number][];
    predict(input: string[]): string;
    exportJSON(): string;
    importJSON(json: string): boolean;
  }
  export default function naiveBayes(): NaiveBayesTextClassifier;
}
