// Module types for what esbuild bundles besides TypeScript: manifests under lessons/manifests as
// text (loader "text") and style sheets imported for their side effect (one CSS bundle).
declare module "*.yaml" {
  const text: string;
  export default text;
}
declare module "*.css";
