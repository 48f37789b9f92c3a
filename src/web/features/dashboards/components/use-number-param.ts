import { useSearchParams } from 'react-router-dom'

/** A positive number kept in the page's query string (so a filtered dashboard can be bookmarked or shared). */
export function useNumberParam(name: string): [number | undefined, (value: number | undefined) => void] {
  const [params, setParams] = useSearchParams()
  const raw = Number(params.get(name))
  const value = Number.isFinite(raw) && raw > 0 ? raw : undefined
  const set = (next: number | undefined) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current)
        if (next === undefined) copy.delete(name)
        else copy.set(name, String(next))
        return copy
      },
      { replace: true },
    )
  return [value, set]
}
