// What a directory client (DingTalk, Feishu, WeCom) hands the sync: the provider's departments and people,
// already mapped to Jixiao's fields. Ids are the provider's own, as strings.

export const directoryKinds = ['dingtalk', 'feishu', 'wecom'] as const
export type DirectoryKind = (typeof directoryKinds)[number]

/** A department (部门) of the directory; the provider's root department (the company itself) is left out. */
export type DirectoryDepartment = { id: string; name: string; parentId: string | null }

/** A person of the directory, mapped to an employee's fields. */
export type DirectoryPerson = {
  /** The provider's user id (DingTalk/WeCom userid, Feishu user_id). */
  userId: string
  /** 工号: the provider's employee number when it has one, else the user id. */
  employeeNo: string
  name: string
  /** The provider id of the person's (first) department; null when they sit in the root. */
  departmentId: string | null
  /** The provider user id of the direct manager (直属上级), when given. */
  managerUserId: string | null
  phone: string | null
  email: string | null
  /** 入职日期 YYYY-MM-DD when the provider gives one. */
  hireDate: string | null
  /** The provider says the person has left (Feishu status.is_resigned, WeCom status 5). */
  resigned: boolean
}

export type DirectorySnapshot = { departments: DirectoryDepartment[]; people: DirectoryPerson[] }
