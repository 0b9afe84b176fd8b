// The components guide authors use in MDX without importing them (see README.md).
import Callout from "./Callout.astro";
import Steps from "./Steps.astro";
import ResourceList from "./ResourceList.astro";
import EmergencyNumbers from "./EmergencyNumbers.astro";
import Phone from "./Phone.astro";

export const mdxComponents = { Callout, Steps, ResourceList, EmergencyNumbers, Phone };
