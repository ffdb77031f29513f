import { DISTRICTS, type District } from "./districts";
import {
  AGES,
  ageLabel,
  SERVICES,
  SEX_LABELS,
  SEXES,
  type Age,
  type ServiceId,
  type Sex,
  type SexFilter,
} from "./domain";

/** The choices of the pages' controls, in display order, with their Korean labels. */
/** Districts as their objects: a SelectControl writes them with the district codec (`serialize={codecs.district.serialize}`). */
export const DISTRICT_OPTIONS = DISTRICTS.map((d): { value: District; label: string } => ({
  value: d,
  label: d.name_ko,
}));
export const AGE_OPTIONS = AGES.map((a): { value: Age; label: string } => ({ value: a, label: ageLabel(a) }));
export const SEX_OPTIONS = SEXES.map((s): { value: Sex; label: string } => ({ value: s, label: SEX_LABELS[s] }));
/** 전체 first: it is the default where both sexes can be shown together. */
export const SEX_FILTER_OPTIONS = (["T", "F", "M"] as const).map((s): { value: SexFilter; label: string } => ({
  value: s,
  label: SEX_LABELS[s],
}));
export const SERVICE_OPTIONS = SERVICES.map((s): { value: ServiceId; label: string } => ({
  value: s.id,
  label: s.name_ko,
}));
