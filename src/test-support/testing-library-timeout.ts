import { configure } from '@testing-library/dom'

// Component tests wait for the first render of antd pages; on a busy two-core machine that can take seconds.
configure({ asyncUtilTimeout: 20_000 })
