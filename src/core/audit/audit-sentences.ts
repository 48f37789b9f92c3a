// One sentence template per audit action code (审计日志的一句话), in zh-CN, zh-TW and en. Placeholders:
// {actor} who did it, {subject} what it was done to (a person, cycle, template …, by name), {cycle} the cycle,
// {amount} money, {grade} a grade, {score} a total score, {count} how many, {month} a month (2026年11月).
// A part in [square brackets] is left out when a placeholder inside it has no value, so "（¥30,000）"
// disappears where no amount was recorded.

export const auditLanguages = ['zh-CN', 'zh-TW', 'en'] as const
export type AuditLanguage = (typeof auditLanguages)[number]

type Sentences = readonly [zhCN: string, zhTW: string, en: string]

/** The sheet workflow's actions, audited as `sheet.<action>` (see core/workflow/sheet-workflow.ts). */
const sheetSentences: Record<string, Sentences> = {
  'sheet.set_targets': [
    '{actor} 为 {subject} 制定了[ {cycle}] 的考核目标',
    '{actor} 為 {subject} 制定了[ {cycle}] 的考核目標',
    '{actor} set the targets of {subject}[ for {cycle}]',
  ],
  'sheet.confirm_targets': [
    '{actor} 确认了 {subject}[ {cycle}] 的考核目标',
    '{actor} 確認了 {subject}[ {cycle}] 的考核目標',
    '{actor} confirmed the targets of {subject}[ for {cycle}]',
  ],
  'sheet.start': [
    '{actor} 开始执行 {subject}[ {cycle}] 的考核表',
    '{actor} 開始執行 {subject}[ {cycle}] 的考核表',
    '{actor} started the appraisal of {subject}[ for {cycle}]',
  ],
  'sheet.add_record': [
    '{actor} 在 {subject}[ {cycle}] 的考核表中添加了一条工作记录',
    '{actor} 在 {subject}[ {cycle}] 的考核表中新增了一筆工作記錄',
    '{actor} added a work record to the appraisal of {subject}[ for {cycle}]',
  ],
  'sheet.add_observation': [
    '{actor} 为 {subject}[ {cycle}] 的考核表添加了一条观察记录',
    '{actor} 為 {subject}[ {cycle}] 的考核表新增了一筆觀察記錄',
    '{actor} added an observation to the appraisal of {subject}[ for {cycle}]',
  ],
  'sheet.save_self_review': [
    '{actor} 保存了 {subject}[ {cycle}] 的自评草稿',
    '{actor} 儲存了 {subject}[ {cycle}] 的自評草稿',
    '{actor} saved the self-review draft of {subject}[ for {cycle}]',
  ],
  'sheet.submit_self_review': [
    '{actor} 提交了 {subject}[ {cycle}] 的自评',
    '{actor} 提交了 {subject}[ {cycle}] 的自評',
    '{actor} submitted the self-review of {subject}[ for {cycle}]',
  ],
  'sheet.return_self_review': [
    '{actor} 退回了 {subject}[ {cycle}] 的自评',
    '{actor} 退回了 {subject}[ {cycle}] 的自評',
    '{actor} returned the self-review of {subject}[ for {cycle}]',
  ],
  'sheet.save_supervisor_review': [
    '{actor} 保存了对 {subject}[ {cycle}] 的评分草稿',
    '{actor} 儲存了對 {subject}[ {cycle}] 的評分草稿',
    '{actor} saved a draft review of {subject}[ for {cycle}]',
  ],
  'sheet.submit_supervisor_review': [
    '{actor} 提交了对 {subject}[ {cycle}] 的评分',
    '{actor} 提交了對 {subject}[ {cycle}] 的評分',
    '{actor} submitted the review of {subject}[ for {cycle}]',
  ],
  'sheet.assign_peers': [
    '{actor} 为 {subject}[ {cycle}] 的考核指定了互评人',
    '{actor} 為 {subject}[ {cycle}] 的考核指定了互評人',
    '{actor} chose the peer reviewers of {subject}[ for {cycle}]',
  ],
  'sheet.set_data': [
    '{actor} 录入了 {subject}[ {cycle}] 的考核数据',
    '{actor} 錄入了 {subject}[ {cycle}] 的考核資料',
    '{actor} entered the data of {subject}[ for {cycle}]',
  ],
  'sheet.compute': [
    '{actor} 计算了 {subject}[ {cycle}] 的得分[：{score} 分][，{grade}]',
    '{actor} 計算了 {subject}[ {cycle}] 的得分[：{score} 分][，{grade}]',
    '{actor} computed the score of {subject}[ for {cycle}][: {score} points][, {grade}]',
  ],
  'sheet.calibrate': [
    '{actor} 校准了 {subject}[ {cycle}] 的结果[：{score} 分][，{grade}]',
    '{actor} 校準了 {subject}[ {cycle}] 的結果[：{score} 分][，{grade}]',
    '{actor} calibrated the result of {subject}[ for {cycle}][: {score} points][, {grade}]',
  ],
  'sheet.hold_feedback': [
    '{actor} 与 {subject} 完成了[ {cycle}] 的绩效面谈',
    '{actor} 與 {subject} 完成了[ {cycle}] 的績效面談',
    '{actor} held the feedback talk with {subject}[ for {cycle}]',
  ],
  'sheet.sign': [
    '{actor} 签字确认了 {subject}[ {cycle}] 的考核结果',
    '{actor} 簽字確認了 {subject}[ {cycle}] 的考核結果',
    '{actor} signed the appraisal result of {subject}[ for {cycle}]',
  ],
  'sheet.file_appeal': [
    '{actor} 对 {subject}[ {cycle}] 的考核结果提出了申诉',
    '{actor} 對 {subject}[ {cycle}] 的考核結果提出了申訴',
    '{actor} appealed the appraisal result of {subject}[ for {cycle}]',
  ],
  'sheet.investigate': [
    '{actor} 开始调查 {subject}[ {cycle}] 的申诉',
    '{actor} 開始調查 {subject}[ {cycle}] 的申訴',
    '{actor} began investigating the appeal of {subject}[ for {cycle}]',
  ],
  'sheet.rule_appeal': [
    '{actor} 裁定了 {subject}[ {cycle}] 的申诉',
    '{actor} 裁定了 {subject}[ {cycle}] 的申訴',
    '{actor} ruled on the appeal of {subject}[ for {cycle}]',
  ],
  'sheet.finalize': [
    '{actor} 将 {subject}[ {cycle}] 的考核表归档',
    '{actor} 將 {subject}[ {cycle}] 的考核表歸檔',
    '{actor} filed the appraisal of {subject}[ for {cycle}] as final',
  ],
  'sheet.reopen': [
    '{actor} 重新打开了 {subject}[ {cycle}] 的考核表',
    '{actor} 重新開啟了 {subject}[ {cycle}] 的考核表',
    '{actor} reopened the appraisal of {subject}[ for {cycle}]',
  ],
  'sheet.delegate': [
    '{actor} 将 {subject}[ {cycle}] 的评分委托给他人',
    '{actor} 將 {subject}[ {cycle}] 的評分委託給他人',
    '{actor} delegated the review of {subject}[ for {cycle}]',
  ],
  'sheet.attach_file': [
    '{actor} 为 {subject}[ {cycle}] 的考核表上传了附件',
    '{actor} 為 {subject}[ {cycle}] 的考核表上傳了附件',
    '{actor} attached a file to the appraisal of {subject}[ for {cycle}]',
  ],
  'sheet.compute_batch': [
    '{actor} 计算了 {subject}[ {count} 张考核表]的得分',
    '{actor} 計算了 {subject}[ {count} 張考核表]的得分',
    '{actor} computed the scores of[ {count} sheets of] {subject}',
  ],
}

const otherSentences: Record<string, Sentences> = {
  'account.activate': [
    '{actor} 激活了账号 {subject}',
    '{actor} 啟用了帳號 {subject}',
    '{actor} activated the account of {subject}',
  ],
  'account.create': [
    '{actor} 为 {subject} 开通了账号',
    '{actor} 為 {subject} 開通了帳號',
    '{actor} created an account for {subject}',
  ],
  'account.disable': [
    '{actor} 停用了 {subject} 的账号',
    '{actor} 停用了 {subject} 的帳號',
    '{actor} disabled the account of {subject}',
  ],
  'account.enable': [
    '{actor} 重新启用了 {subject} 的账号',
    '{actor} 重新啟用了 {subject} 的帳號',
    '{actor} enabled the account of {subject} again',
  ],
  'account.reset': [
    '{actor} 重置了 {subject} 的密码',
    '{actor} 重設了 {subject} 的密碼',
    '{actor} reset the password of {subject}',
  ],
  'account.role': [
    '{actor} 更改了 {subject} 的角色',
    '{actor} 變更了 {subject} 的角色',
    '{actor} changed the role of {subject}',
  ],
  'appeal.note': [
    '{actor} 在 {subject}[ {cycle}] 的申诉中添加了备注',
    '{actor} 在 {subject}[ {cycle}] 的申訴中新增了備註',
    '{actor} added a note to the appeal of {subject}[ for {cycle}]',
  ],
  'attribution.created': [
    '{actor} 新增了数据归属「{subject}」',
    '{actor} 新增了資料歸屬「{subject}」',
    '{actor} added the attribution “{subject}”',
  ],
  'attribution.updated': [
    '{actor} 修改了数据归属「{subject}」',
    '{actor} 修改了資料歸屬「{subject}」',
    '{actor} changed the attribution “{subject}”',
  ],
  'attribution.deleted': [
    '{actor} 删除了数据归属「{subject}」',
    '{actor} 刪除了資料歸屬「{subject}」',
    '{actor} deleted the attribution “{subject}”',
  ],
  'auth.sso_login': [
    '{subject} 通过单点登录登录',
    '{subject} 透過單一登入登入',
    '{subject} signed in with single sign-on',
  ],
  'bonus_pool.create': [
    '{actor} 创建了[ {cycle}] 奖金池「{subject}」[（{amount}）]',
    '{actor} 建立了[ {cycle}] 獎金池「{subject}」[（{amount}）]',
    '{actor} created the bonus pool “{subject}”[ of {cycle}][ ({amount})]',
  ],
  'bonus_pool.approve': [
    '{actor} 批准了[ {cycle}] 奖金池[（{amount}）]',
    '{actor} 核准了[ {cycle}] 獎金池[（{amount}）]',
    '{actor} approved the bonus pool[ of {cycle}][ ({amount})]',
  ],
  'bonus_pool.delete': [
    '{actor} 删除了[ {cycle}] 奖金池「{subject}」',
    '{actor} 刪除了[ {cycle}] 獎金池「{subject}」',
    '{actor} deleted the bonus pool “{subject}”[ of {cycle}]',
  ],
  'calendar.update': [
    '{actor} 修改了工作日历',
    '{actor} 修改了工作日曆',
    '{actor} changed the work calendar',
  ],
  'company.create': [
    '{actor} 创建了公司「{subject}」',
    '{actor} 建立了公司「{subject}」',
    '{actor} created the company “{subject}”',
  ],
  'consequence_settings.update': [
    '{actor} 修改了考核结果应用规则',
    '{actor} 修改了考核結果應用規則',
    '{actor} changed the rules for what results lead to',
  ],
  'cycle.create': [
    '{actor} 创建了考核周期 {subject}',
    '{actor} 建立了考核周期 {subject}',
    '{actor} created the cycle {subject}',
  ],
  'cycle.open': [
    '{actor} 开启了考核周期 {subject}[，生成 {count} 张考核表]',
    '{actor} 開啟了考核周期 {subject}[，產生 {count} 張考核表]',
    '{actor} opened the cycle {subject}[ with {count} sheets]',
  ],
  'cycle.quota_exception': [
    '{actor} 为考核周期 {subject} 登记了等级比例例外',
    '{actor} 為考核周期 {subject} 登記了等級比例例外',
    '{actor} recorded a grade quota exception for {subject}',
  ],
  'cycle.history_targets_recompute': [
    '{actor} 按历史数据重新计算了考核周期 {subject}[ {count} 张考核表]的目标',
    '{actor} 按歷史資料重新計算了考核周期 {subject}[ {count} 張考核表]的目標',
    '{actor} recomputed the targets from history on[ {count} sheets of] the cycle {subject}',
  ],
  'cycle.settings': [
    '{actor} 修改了考核周期 {subject} 的设置',
    '{actor} 修改了考核周期 {subject} 的設定',
    '{actor} changed the settings of the cycle {subject}',
  ],
  'department.create': [
    '{actor} 新建了部门「{subject}」',
    '{actor} 新建了部門「{subject}」',
    '{actor} created the department “{subject}”',
  ],
  'department.update': [
    '{actor} 修改了部门「{subject}」',
    '{actor} 修改了部門「{subject}」',
    '{actor} changed the department “{subject}”',
  ],
  'department.retire': [
    '{actor} 停用了部门「{subject}」',
    '{actor} 停用了部門「{subject}」',
    '{actor} retired the department “{subject}”',
  ],
  'department.restore': [
    '{actor} 恢复了部门「{subject}」',
    '{actor} 恢復了部門「{subject}」',
    '{actor} restored the department “{subject}”',
  ],
  'department.delete': [
    '{actor} 删除了部门「{subject}」',
    '{actor} 刪除了部門「{subject}」',
    '{actor} deleted the department “{subject}”',
  ],
  'directory.daily': [
    '{actor} 修改了通讯录每日同步',
    '{actor} 修改了通訊錄每日同步',
    '{actor} changed the daily directory sync',
  ],
  'directory.sync': [
    '{actor} 从通讯录同步了员工',
    '{actor} 從通訊錄同步了員工',
    '{actor} synced the staff from the directory',
  ],
  'employee.create': [
    '{actor} 新增了员工 {subject}',
    '{actor} 新增了員工 {subject}',
    '{actor} added the employee {subject}',
  ],
  'employee.update': [
    '{actor} 修改了员工 {subject} 的资料',
    '{actor} 修改了員工 {subject} 的資料',
    '{actor} changed the details of {subject}',
  ],
  'employee.leave': [
    '{actor} 登记 {subject} 离职',
    '{actor} 登記 {subject} 離職',
    '{actor} recorded that {subject} left',
  ],
  'employee.delete': [
    '{actor} 删除了员工 {subject}',
    '{actor} 刪除了員工 {subject}',
    '{actor} deleted the employee {subject}',
  ],
  'identity_provider.create': [
    '{actor} 添加了单点登录「{subject}」',
    '{actor} 新增了單一登入「{subject}」',
    '{actor} added the single sign-on “{subject}”',
  ],
  'identity_provider.update': [
    '{actor} 修改了单点登录「{subject}」',
    '{actor} 修改了單一登入「{subject}」',
    '{actor} changed the single sign-on “{subject}”',
  ],
  'identity_provider.delete': [
    '{actor} 删除了单点登录「{subject}」',
    '{actor} 刪除了單一登入「{subject}」',
    '{actor} deleted the single sign-on “{subject}”',
  ],
  'import.completed': [
    '{actor} 导入了数据文件「{subject}」',
    '{actor} 匯入了資料檔案「{subject}」',
    '{actor} imported the data file “{subject}”',
  ],
  'import.undone': [
    '{actor} 撤销了数据导入「{subject}」',
    '{actor} 撤銷了資料匯入「{subject}」',
    '{actor} undid the data import “{subject}”',
  ],
  'import_mapping.saved': [
    '{actor} 保存了导入映射「{subject}」',
    '{actor} 儲存了匯入對應「{subject}」',
    '{actor} saved the import mapping “{subject}”',
  ],
  'improvement_plan.create': [
    '{actor} 为 {subject} 制定了改进计划',
    '{actor} 為 {subject} 制定了改進計畫',
    '{actor} started an improvement plan for {subject}',
  ],
  'improvement_plan.update': [
    '{actor} 更新了 {subject} 的改进计划',
    '{actor} 更新了 {subject} 的改進計畫',
    '{actor} updated the improvement plan of {subject}',
  ],
  'improvement_plan.delete': [
    '{actor} 删除了 {subject} 的改进计划',
    '{actor} 刪除了 {subject} 的改進計畫',
    '{actor} deleted the improvement plan of {subject}',
  ],
  'notifications.allowed_hosts': [
    '{actor} 修改了通知机器人允许的地址',
    '{actor} 修改了通知機器人允許的位址',
    '{actor} changed the addresses notification robots may use',
  ],
  'notifications.webhook': [
    '{actor} 修改了通知机器人',
    '{actor} 修改了通知機器人',
    '{actor} changed the notification robot',
  ],
  'pay_assignment.create': [
    '{actor} 为 {subject} 设置了薪酬方案',
    '{actor} 為 {subject} 設定了薪酬方案',
    '{actor} set the pay scheme of {subject}',
  ],
  'pay_assignment.update': [
    '{actor} 修改了 {subject} 的薪酬方案',
    '{actor} 修改了 {subject} 的薪酬方案',
    '{actor} changed the pay scheme of {subject}',
  ],
  'pay_assignment.delete': [
    '{actor} 删除了 {subject} 的薪酬方案',
    '{actor} 刪除了 {subject} 的薪酬方案',
    '{actor} removed the pay scheme of {subject}',
  ],
  'pay_inputs.set': [
    '{actor} 录入了 {subject}[ {cycle}] 的薪酬数据',
    '{actor} 錄入了 {subject}[ {cycle}] 的薪酬資料',
    '{actor} entered the pay inputs of {subject}[ for {cycle}]',
  ],
  'pay_item.create': [
    '{actor} 为 {subject} 添加了[ {cycle}] 的工资项[（{amount}）]',
    '{actor} 為 {subject} 新增了[ {cycle}] 的工資項[（{amount}）]',
    '{actor} added a pay line for {subject}[ in {cycle}][ ({amount})]',
  ],
  'pay_item.delete': [
    '{actor} 删除了 {subject}[ {cycle}] 的工资项[（{amount}）]',
    '{actor} 刪除了 {subject}[ {cycle}] 的工資項[（{amount}）]',
    '{actor} deleted a pay line of {subject}[ in {cycle}][ ({amount})]',
  ],
  'pay_sheet.adjust': [
    '{actor} 调整了 {subject}[ {cycle}] 的工资[（{amount}）]',
    '{actor} 調整了 {subject}[ {cycle}] 的工資[（{amount}）]',
    '{actor} adjusted the pay of {subject}[ in {cycle}][ ({amount})]',
  ],
  'pay_sheet.approve': [
    '{actor} 批准了[ {cycle}] 工资表[（{amount}）]',
    '{actor} 核准了[ {cycle}] 工資表[（{amount}）]',
    '{actor} approved the pay sheet[ of {cycle}][ ({amount})]',
  ],
  'pay_sheet.settle_drift': [
    '{actor} 为 {subject} 补记了[ {cycle}] 的工资差额[（{amount}）]',
    '{actor} 為 {subject} 補記了[ {cycle}] 的工資差額[（{amount}）]',
    '{actor} settled the pay difference of {subject}[ for {cycle}][ ({amount})]',
  ],
  'peer_review.submit': [
    '{actor} 提交了对 {subject}[ {cycle}] 的互评',
    '{actor} 提交了對 {subject}[ {cycle}] 的互評',
    '{actor} submitted a peer review of {subject}[ for {cycle}]',
  ],
  'position.create': [
    '{actor} 新建了岗位「{subject}」',
    '{actor} 新建了崗位「{subject}」',
    '{actor} created the position “{subject}”',
  ],
  'position.update': [
    '{actor} 修改了岗位「{subject}」',
    '{actor} 修改了崗位「{subject}」',
    '{actor} changed the position “{subject}”',
  ],
  'position.retire': [
    '{actor} 停用了岗位「{subject}」',
    '{actor} 停用了崗位「{subject}」',
    '{actor} retired the position “{subject}”',
  ],
  'position.restore': [
    '{actor} 恢复了岗位「{subject}」',
    '{actor} 恢復了崗位「{subject}」',
    '{actor} restored the position “{subject}”',
  ],
  'position.delete': [
    '{actor} 删除了岗位「{subject}」',
    '{actor} 刪除了崗位「{subject}」',
    '{actor} deleted the position “{subject}”',
  ],
  'roster.import': [
    '{actor} 导入了员工名册「{subject}」',
    '{actor} 匯入了員工名冊「{subject}」',
    '{actor} imported the staff roster “{subject}”',
  ],
  'rota.attendance.publish': [
    '{actor} 发布了[ {month} 的]月度考勤[（{count} 行）]',
    '{actor} 發布了[ {month} 的]月度考勤[（{count} 列）]',
    '{actor} published the monthly attendance[ of {month}][ ({count} rows)]',
  ],
  'rota.attendance_rules.set': [
    '{actor} 修改了考勤规则',
    '{actor} 修改了考勤規則',
    '{actor} changed the attendance rules',
  ],
  'rota.exception.leave': [
    '{actor} 登记了 {subject} 请假',
    '{actor} 登記了 {subject} 請假',
    '{actor} recorded leave for {subject}',
  ],
  'rota.exception.swap': [
    '{actor} 登记了 {subject} 换班',
    '{actor} 登記了 {subject} 換班',
    '{actor} recorded a shift swap for {subject}',
  ],
  'rota.exception.cover': [
    '{actor} 登记了 {subject} 顶班',
    '{actor} 登記了 {subject} 頂班',
    '{actor} recorded a cover for {subject}',
  ],
  'rota.exception.remove': [
    '{actor} 撤销了 {subject} 的排班调整',
    '{actor} 撤銷了 {subject} 的排班調整',
    '{actor} removed a rota change of {subject}',
  ],
  'rota.pattern.set': [
    '{actor} 设置了 {subject} 的排班',
    '{actor} 設定了 {subject} 的排班',
    '{actor} set the rota of {subject}',
  ],
  'rota.service_hours.set': [
    '{actor} 修改了客服服务时间',
    '{actor} 修改了客服服務時間',
    '{actor} changed the service hours',
  ],
  'rota.shift.create': [
    '{actor} 新建了班次「{subject}」',
    '{actor} 新建了班次「{subject}」',
    '{actor} created the shift “{subject}”',
  ],
  'rota.shift.update': [
    '{actor} 修改了班次「{subject}」',
    '{actor} 修改了班次「{subject}」',
    '{actor} changed the shift “{subject}”',
  ],
  'rota.shift.delete': [
    '{actor} 删除了班次「{subject}」',
    '{actor} 刪除了班次「{subject}」',
    '{actor} deleted the shift “{subject}”',
  ],
  'sampling.draw': [
    '{actor} 为 {subject} 抽取了质检样本',
    '{actor} 為 {subject} 抽取了質檢樣本',
    '{actor} drew quality-check samples for {subject}',
  ],
  'sampling.score': [
    '{actor} 为 {subject} 的质检样本打分[：{score} 分]',
    '{actor} 為 {subject} 的質檢樣本評分[：{score} 分]',
    '{actor} scored a quality-check sample of {subject}[: {score} points]',
  ],
  'template.create': [
    '{actor} 新建了考核模板「{subject}」',
    '{actor} 新建了考核模板「{subject}」',
    '{actor} created the template “{subject}”',
  ],
  'template.version': [
    '{actor} 保存了考核模板「{subject}」的新版本',
    '{actor} 儲存了考核模板「{subject}」的新版本',
    '{actor} saved a new version of the template “{subject}”',
  ],
  'template.archive': [
    '{actor} 归档了考核模板「{subject}」',
    '{actor} 歸檔了考核模板「{subject}」',
    '{actor} archived the template “{subject}”',
  ],
  'template.restore': [
    '{actor} 恢复了考核模板「{subject}」',
    '{actor} 恢復了考核模板「{subject}」',
    '{actor} restored the template “{subject}”',
  ],
  'user.create': [
    '{actor} 创建了管理员账号 {subject}',
    '{actor} 建立了管理員帳號 {subject}',
    '{actor} created the administrator account {subject}',
  ],
  'user.password_change': [
    '{actor} 修改了自己的密码',
    '{actor} 修改了自己的密碼',
    '{actor} changed their own password',
  ],
}

const sentences: Record<string, Sentences> = { ...sheetSentences, ...otherSentences }

/** Every action code that has a sentence (the coverage test compares it with what the code base writes). */
export const auditActionsWithSentences: readonly string[] = Object.keys(sentences)

/** An action written before its sentence existed still reads as a sentence: who changed which kind of thing. */
const fallbackSentence: Sentences = [
  '{actor} 修改了{subject}',
  '{actor} 修改了{subject}',
  '{actor} changed {subject}',
]

const languageIndex: Record<AuditLanguage, 0 | 1 | 2> = { 'zh-CN': 0, 'zh-TW': 1, en: 2 }

/** The sentence template of an action in a language, and whether it is the generic one. */
export function auditSentenceTemplate(
  action: string,
  lang: AuditLanguage,
): { template: string; known: boolean } {
  const known = sentences[action]
  return { template: (known ?? fallbackSentence)[languageIndex[lang]], known: known !== undefined }
}

/** Fills a template: `{name}` from params; a `[…]` part is dropped when one of its placeholders has no value. */
export function fillAuditSentence(
  template: string,
  params: Readonly<Record<string, string | undefined>>,
): string {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '')
  const withOptional = template.replace(/\[([^\]]*)\]/g, (_, part: string) => {
    const names = [...part.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)
    return names.every((n) => params[n] !== undefined && params[n] !== '') ? fill(part) : ''
  })
  return fill(withOptional)
    .replace(/\s{2,}/g, ' ')
    .trim()
}
