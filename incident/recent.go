package incident

import "sort"

// Recent lists the open incidents and the most recent resolved ones
// (ManagerOptions.Recent of them), newest first: what /api/incidents, the
// incident page and the demo's summary show.
func (m *Manager) Recent() ([]Incident, error) {
	return m.list("all")
}

// list is Recent restricted to a state: "open", "resolved" or "all".
func (m *Manager) list(state string) ([]Incident, error) {
	var list []Incident
	if state != string(StateResolved) {
		open, err := m.st.Incidents(StateOpen, 0)
		if err != nil {
			return nil, err
		}
		list = append(list, open...)
	}
	if state != string(StateOpen) {
		resolved, err := m.st.Incidents(StateResolved, m.recent)
		if err != nil {
			return nil, err
		}
		list = append(list, resolved...)
	}
	sort.SliceStable(list, func(a, b int) bool { return list[a].Info.OpenedAt.After(list[b].Info.OpenedAt) })
	return list, nil
}
