// 网管绩效考核表 (002_3b338a4c7be2c5e8.txt, seed-digest T11): five KPI rows, −2 per incident, 扣完为止.
import type { Template } from '../../templates/template.ts'
import {
  deductEach,
  dimension,
  discretionary,
  fixedTarget,
  hundredPointScoring,
  kci,
  kpi,
  manual,
  noTarget,
  supervisor,
} from '../template-builders.ts'

export const seed002T11NetworkAdmin: Template = {
  code: 'seed-002-t11-network-admin',
  name: '网管绩效考核表',
  description: '网管岗位：网络调试、硬件维护、邮件安全、网站产品数据更新与工作态度，按次扣分，扣完为止。',
  source: {
    seed: '网络推广绩效KPI考核表合集',
    table: 'T11 网管绩效考核表',
    notes: [
      `"扣2分"从本项分值（30/30/20/10）中扣，扣完为止（本项最低0分）。`,
      '网站产品资料更新延误一天扣2分，同样以0分为下限。',
      '考核人为上级；数据来源（全公司；销售部、技术部）写在各项定义中。考核人评价与复核人签字由审批流程完成。',
    ],
  },
  positions: ['网管', '网络管理员'],
  period: 'monthly',
  dimensions: [
    dimension('kpi', 'KPI指标', 100, [
      kpi({
        key: 'network_debugging',
        name: '网络调试',
        definition: `对公司网络硬件设备的维护；对网络相关管理软件的配置、设定、调整，保证网络正常运行；定期监视网络设备运行，做好网络安全防范，防止不法攻击和破坏，保持网络安全、稳定、畅通。导致员工不能工作或上网的时间不能超过2小时。实际值：本月超过2小时的次数。从本项30分中扣。数据来源：全公司。`,
        unit: '次',
        direction: 'lower_better',
        maxPoints: 30,
        target: fixedTarget(0),
        rule: deductEach(2),
        assessor: supervisor,
        dataSource: manual,
      }),
      kpi({
        key: 'hardware_maintenance',
        name: '硬件维护',
        definition:
          '1、PC硬件故障维修，基本配置调试，上网行为管理、视频会议故障的维修、维护；2、打印机、传真机、复印机的安装调试配置和日常操作，硒鼓、碳粉、色带的日常更换，故障的日常维修、维护；3、不影响员工工作。实际值：影响员工工作的次数。数据来源：全公司。',
        unit: '次',
        direction: 'lower_better',
        maxPoints: 30,
        target: fixedTarget(0),
        rule: deductEach(2),
        assessor: supervisor,
      }),
      kpi({
        key: 'mail_security',
        name: '邮件安全',
        definition:
          '非供应商问题或非不可抗力问题导致不能收发邮件的时间不能超过2小时，并保证邮件不丢失。实际值：超过2小时或丢失邮件的次数。数据来源：全公司。',
        unit: '次',
        direction: 'lower_better',
        maxPoints: 20,
        target: fixedTarget(0),
        rule: deductEach(2),
        assessor: supervisor,
      }),
      kpi({
        key: 'product_data_updates',
        name: '其他相关',
        definition: `及时更新各个网站的相关产品数据以及产品目录。实际值：延误天数（延误一天扣2分），从本项10分中扣，最低0分。数据来源：销售部、技术部。`,
        unit: '天',
        direction: 'lower_better',
        maxPoints: 10,
        target: noTarget,
        rule: deductEach(2),
        assessor: supervisor,
      }),
      kci({
        key: 'work_attitude',
        name: '工作态度',
        definition:
          '服务态度热情、端正，与各部门同事友好相处，积极处理出现的各类问题，乐于接受上级临时安排的其它任务。酌情给分。数据来源：全公司。',
        maxPoints: 10,
        rule: discretionary(10),
        assessor: supervisor,
      }),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}
