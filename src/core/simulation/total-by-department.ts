// Department totals of a what-if simulation: people, how many moved, average score and pay sum on each side.
import Decimal from 'decimal.js'

export type SimulatedPerson = {
  departmentName: string | null
  changed: boolean
  today: { total: string | null; pay: string | null }
  draft: { total: string | null; pay: string | null }
}

export type DepartmentTotal = {
  /** null: people without a department. */
  departmentName: string | null
  people: number
  changed: number
  today: { averageScore: string | null; pay: string }
  draft: { averageScore: string | null; pay: string }
  delta: { averageScore: string | null; pay: string }
}

type Acc = {
  people: number
  changed: number
  sums: [Decimal, Decimal, Decimal, Decimal]
  scored: [number, number]
}

const average = (sum: Decimal, n: number) =>
  n === 0 ? null : sum.div(n).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)

/** Totals per department (in first-seen order), and the whole cycle's as the last entry (departmentName null, `all`). */
export function totalByDepartment(people: readonly SimulatedPerson[]): {
  departments: DepartmentTotal[]
  all: DepartmentTotal
} {
  const fresh = (): Acc => ({
    people: 0,
    changed: 0,
    sums: [new Decimal(0), new Decimal(0), new Decimal(0), new Decimal(0)],
    scored: [0, 0],
  })
  const byName = new Map<string | null, Acc>()
  const all = fresh()
  const add = (acc: Acc, p: SimulatedPerson) => {
    acc.people++
    if (p.changed) acc.changed++
    if (p.today.total !== null) {
      acc.sums[0] = acc.sums[0].plus(p.today.total)
      acc.scored[0]++
    }
    if (p.draft.total !== null) {
      acc.sums[1] = acc.sums[1].plus(p.draft.total)
      acc.scored[1]++
    }
    if (p.today.pay !== null) acc.sums[2] = acc.sums[2].plus(p.today.pay)
    if (p.draft.pay !== null) acc.sums[3] = acc.sums[3].plus(p.draft.pay)
  }
  for (const p of people) {
    let acc = byName.get(p.departmentName)
    if (!acc) {
      acc = fresh()
      byName.set(p.departmentName, acc)
    }
    add(acc, p)
    add(all, p)
  }
  const total = (departmentName: string | null, acc: Acc): DepartmentTotal => {
    const todayAverage = average(acc.sums[0], acc.scored[0])
    const draftAverage = average(acc.sums[1], acc.scored[1])
    return {
      departmentName,
      people: acc.people,
      changed: acc.changed,
      today: { averageScore: todayAverage, pay: acc.sums[2].toFixed(2) },
      draft: { averageScore: draftAverage, pay: acc.sums[3].toFixed(2) },
      delta: {
        averageScore:
          todayAverage === null || draftAverage === null
            ? null
            : new Decimal(draftAverage).minus(todayAverage).toFixed(2),
        pay: acc.sums[3].minus(acc.sums[2]).toFixed(2),
      },
    }
  }
  return {
    departments: [...byName].map(([name, acc]) => total(name, acc)),
    all: total(null, all),
  }
}
