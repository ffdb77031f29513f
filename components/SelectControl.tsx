"use client";

export interface SelectOption<V extends string | number> {
  value: V;
  label: string;
}

interface SelectControlProps<V extends string | number> {
  id: string;
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  className?: string;
  testId?: string;
}

/**
 * A labelled select for URL-state controls. The chosen value is mapped back to the option's own
 * typed value, so callers never parse or cast the DOM string.
 */
export function SelectControl<V extends string | number>({ id, label, value, options, onChange, className, testId }: SelectControlProps<V>) {
  return (
    <div className={className ? `control ${className}` : "control"}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={id}
        data-testid={testId}
        value={String(value)}
        onChange={(e) => {
          const chosen = options.find((o) => String(o.value) === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
