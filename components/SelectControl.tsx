"use client";

export interface SelectOption<V> {
  value: V;
  label: string;
}

type SelectControlProps<V> = {
  id: string;
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  className?: string;
  testId?: string;
} & (V extends string | number
  ? { serialize?: (value: V) => string }
  : {
      /** How a value is written as an option's value: its URL codec's serialize (lib/params). */
      serialize: (value: V) => string;
    });

/**
 * A labelled select for URL-state controls. Options carry their typed values (a `District`, an age);
 * the chosen one is mapped back to that value, so callers never parse or look up the DOM string.
 */
export function SelectControl<V>({
  id,
  label,
  value,
  options,
  onChange,
  className,
  testId,
  serialize = String,
}: SelectControlProps<V>) {
  return (
    <div className={className ? `control ${className}` : "control"}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={id}
        data-testid={testId}
        value={serialize(value)}
        onChange={(e) => {
          const chosen = options.find((o) => serialize(o.value) === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((o) => (
          <option key={serialize(o.value)} value={serialize(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
