//! The tree of areas → programmes → projects → activities, and which of its rows are shown
//! under the current filter and collapsed nodes.

use std::collections::{HashMap, HashSet};

use crate::model::{Format, Plan, Status};

/// What a node of the tree stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// An area.
    Area,
    /// A programme.
    Programme,
    /// A project.
    Project,
    /// An activity, by its index in `plan.activities`.
    Activity(usize),
}

/// One node, in depth-first order.
#[derive(Debug, Clone)]
pub struct Node {
    /// What it is.
    pub kind: NodeKind,
    /// 0 for areas, 3 for activities.
    pub depth: u8,
    /// A stable name, kept across reloads (`area:I`, `project:I.1`); empty for activities,
    /// whose key is their code ([`Tree::key`]), so building the tree copies no activity text.
    pub key: String,
    /// The code shown (`I`, `I.1`; empty for programmes and activities).
    pub code: String,
    /// The title (empty for activities: theirs is in the plan).
    pub title: String,
    /// The index just past its last descendant.
    pub end: usize,
}

/// The whole tree of a plan, built once per load.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    /// Every node, depth first.
    pub nodes: Vec<Node>,
}

impl Tree {
    /// Builds the tree of `plan`. Activities of projects the programme file does not list, and
    /// projects of unknown programmes, go under an area "(not in the programme file)".
    pub fn of(plan: &Plan) -> Tree {
        let programme = &plan.programme;
        let mut by_project: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, activity) in plan.activities.iter().enumerate() {
            by_project.entry(&activity.project).or_default().push(i);
        }
        let mut nodes = Vec::with_capacity(plan.activities.len() + programme.projects.len() * 2);
        let mut placed_projects: HashSet<&str> = HashSet::new();
        let push_activities = |nodes: &mut Vec<Node>, indices: &[usize]| {
            for &i in indices {
                nodes.push(Node {
                    kind: NodeKind::Activity(i),
                    depth: 3,
                    key: String::new(),
                    code: String::new(),
                    title: String::new(),
                    end: nodes.len() + 1,
                });
            }
        };
        for area in &programme.areas {
            let area_at = nodes.len();
            nodes.push(Node {
                kind: NodeKind::Area,
                depth: 0,
                key: format!("area:{}", area.code),
                code: area.code.clone(),
                title: area.title.clone(),
                end: 0,
            });
            for prog in programme.programmes.iter().filter(|p| p.area == area.code) {
                let prog_at = nodes.len();
                nodes.push(Node {
                    kind: NodeKind::Programme,
                    depth: 1,
                    key: format!("programme:{}", prog.id),
                    code: String::new(),
                    title: prog.title.clone(),
                    end: 0,
                });
                for project in programme.projects.iter().filter(|p| p.programme == prog.id) {
                    placed_projects.insert(&project.code);
                    let project_at = nodes.len();
                    nodes.push(Node {
                        kind: NodeKind::Project,
                        depth: 2,
                        key: format!("project:{}", project.code),
                        code: project.code.clone(),
                        title: project.title.clone(),
                        end: 0,
                    });
                    if let Some(indices) = by_project.get(project.code.as_str()) {
                        push_activities(&mut nodes, indices);
                    }
                    nodes[project_at].end = nodes.len();
                }
                nodes[prog_at].end = nodes.len();
            }
            nodes[area_at].end = nodes.len();
        }
        let mut stray: Vec<&str> = by_project
            .keys()
            .copied()
            .filter(|p| !placed_projects.contains(p))
            .collect();
        if !stray.is_empty() {
            stray.sort_by_cached_key(|p| crate::model::code_sort_key(p));
            let area_at = nodes.len();
            nodes.push(Node {
                kind: NodeKind::Area,
                depth: 0,
                key: "area:".into(),
                code: "?".into(),
                title: crate::tr!("tui-tree-not-in-programme"),
                end: 0,
            });
            for project in stray {
                let project_at = nodes.len();
                let title = match programme.project(project) {
                    Some(p) => p.title.clone(),
                    None => crate::tr!("tui-tree-unknown-project"),
                };
                nodes.push(Node {
                    kind: NodeKind::Project,
                    depth: 2,
                    key: format!("project:{project}"),
                    code: project.to_string(),
                    title,
                    end: 0,
                });
                if let Some(indices) = by_project.get(project) {
                    push_activities(&mut nodes, indices);
                }
                nodes[project_at].end = nodes.len();
            }
            nodes[area_at].end = nodes.len();
        }
        Tree { nodes }
    }

    /// The stable name of node `node` of the tree of `plan`: an activity's code, else
    /// [`Node::key`].
    pub fn key<'a>(&'a self, node: usize, plan: &'a Plan) -> &'a str {
        match self.nodes.get(node) {
            Some(Node {
                kind: NodeKind::Activity(i),
                ..
            }) => plan.activities.get(*i).map_or("", |a| a.code.as_str()),
            Some(node) => &node.key,
            None => "",
        }
    }

    /// The rows to show: nodes with at least one matching activity (or any node when nothing is
    /// filtered), skipping the insides of collapsed nodes; with each row's count of matches.
    pub fn visible(
        &self,
        matches: &[bool],
        filtering: bool,
        collapsed: &HashSet<String>,
    ) -> Vec<Row> {
        let mut counts = vec![0usize; self.nodes.len()];
        let mut ancestors: [usize; 4] = [0; 4];
        for (i, node) in self.nodes.iter().enumerate() {
            let depth = usize::from(node.depth.min(3));
            ancestors[depth] = i;
            if let NodeKind::Activity(a) = node.kind
                && matches.get(a).copied().unwrap_or(false)
            {
                counts[i] = 1;
                for &ancestor in &ancestors[..depth] {
                    if ancestor < i && self.nodes[ancestor].end > i {
                        counts[ancestor] += 1;
                    }
                }
            }
        }
        let mut rows = Vec::new();
        let mut i = 0;
        while i < self.nodes.len() {
            let node = &self.nodes[i];
            let shown = match node.kind {
                NodeKind::Activity(_) => counts[i] > 0,
                _ => counts[i] > 0 || !filtering,
            };
            if !shown {
                i = node.end.max(i + 1);
                continue;
            }
            let is_collapsed = collapsed.contains(&node.key);
            rows.push(Row {
                node: i,
                count: counts[i],
                collapsed: is_collapsed,
            });
            i = if is_collapsed {
                node.end.max(i + 1)
            } else {
                i + 1
            };
        }
        rows
    }
}

/// A shown row of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The node's index in [`Tree::nodes`].
    pub node: usize,
    /// How many matching activities it holds (1 for a matching activity).
    pub count: usize,
    /// Whether it is collapsed.
    pub collapsed: bool,
}

/// The filters: text typed after `/`, and the quick filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Text to find in codes, titles and prose (case-insensitive).
    pub text: String,
    /// Only activities with this status.
    pub status: Option<Status>,
    /// Only activities with this format (`Some(None)`: those without a format).
    pub format: Option<Option<Format>>,
    /// Only activities of this area.
    pub area: Option<String>,
}

impl Filter {
    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        !self.text.is_empty()
            || self.status.is_some()
            || self.format.is_some()
            || self.area.is_some()
    }

    /// Which activities of `plan` pass, given each one's lower-case searchable text.
    /// Without haystacks the text filter is not applied.
    pub fn matches(&self, plan: &Plan, haystacks: Option<&[String]>) -> Vec<bool> {
        let needle = self.text.to_lowercase();
        // A vectorised search: the prose of a large programme is tens of megabytes.
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        plan.activities
            .iter()
            .enumerate()
            .map(|(i, activity)| {
                let haystack = haystacks.and_then(|h| h.get(i)).map_or("", String::as_str);
                self.status.is_none_or(|s| activity.status == s)
                    && self.format.is_none_or(|f| activity.format == f)
                    && self
                        .area
                        .as_deref()
                        .is_none_or(|area| activity.area_code() == area)
                    && (needle.is_empty() || finder.find(haystack.as_bytes()).is_some())
            })
            .collect()
    }

    /// The filters in one line for the title bar (`status: ongoing · "trade"`).
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(status) = self.status {
            parts.push(crate::tr!(
                "tui-filter-status",
                status = status.name(crate::i18n::lang())
            ));
        }
        if let Some(format) = self.format {
            let format = format.map_or_else(
                || crate::tr!("tui-filter-no-format"),
                |f| f.name(crate::i18n::lang()).to_string(),
            );
            parts.push(crate::tr!("tui-filter-format", format = format));
        }
        if let Some(area) = &self.area {
            parts.push(crate::tr!("tui-filter-area", area = area.as_str()));
        }
        if !self.text.is_empty() {
            parts.push(format!("\"{}\"", self.text));
        }
        parts.join(" · ")
    }
}

/// The lower-case text an activity is searched in: code, then all its prose.
pub fn haystack(activity: &crate::model::Activity) -> String {
    let mut text = activity.code.to_lowercase();
    for piece in activity.prose() {
        text.push('\n');
        text.push_str(&piece.to_lowercase());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, Area, Programme, Project, WorkProgramme};

    fn plan() -> Plan {
        let activity = |code: &str, project: &str, status| Activity {
            code: code.into(),
            project: project.into(),
            title: format!("Title of {code}"),
            status,
            ..Activity::default()
        };
        Plan {
            programme: WorkProgramme {
                areas: vec![Area {
                    code: "I".into(),
                    title: "Area".into(),
                    summary: None,
                }],
                programmes: vec![Programme {
                    id: "p".into(),
                    area: "I".into(),
                    title: "Programme".into(),
                }],
                projects: vec![
                    Project {
                        code: "I.1".into(),
                        programme: "p".into(),
                        title: "One".into(),
                    },
                    Project {
                        code: "I.2".into(),
                        programme: "p".into(),
                        title: "Two (empty)".into(),
                    },
                ],
                ..WorkProgramme::default()
            },
            activities: vec![
                activity("I.1.1", "I.1", Status::Planned),
                activity("I.1.2", "I.1", Status::Completed),
                activity("I.9.1", "I.9", Status::Completed),
            ],
        }
    }

    fn keys(plan: &Plan, tree: &Tree, rows: &[Row]) -> Vec<(String, usize)> {
        rows.iter()
            .map(|r| (tree.key(r.node, plan).to_string(), r.count))
            .collect()
    }

    #[test]
    fn stray_activities_get_their_own_area_and_counts_add_up() {
        let plan = plan();
        let tree = Tree::of(&plan);
        let all = vec![true; 3];
        let rows = tree.visible(&all, false, &HashSet::new());
        assert_eq!(
            keys(&plan, &tree, &rows),
            [
                ("area:I".into(), 2),
                ("programme:p".into(), 2),
                ("project:I.1".into(), 2),
                ("I.1.1".into(), 1),
                ("I.1.2".into(), 1),
                ("project:I.2".into(), 0),
                ("area:".into(), 1),
                ("project:I.9".into(), 1),
                ("I.9.1".into(), 1),
            ]
        );
    }

    #[test]
    fn filtering_hides_empty_nodes_and_collapsing_hides_children() {
        let plan = plan();
        let tree = Tree::of(&plan);
        let filter = Filter {
            status: Some(Status::Completed),
            ..Filter::default()
        };
        let matches = filter.matches(&plan, None);
        assert_eq!(matches, [false, true, true]);
        let rows = tree.visible(&matches, filter.is_active(), &HashSet::new());
        assert_eq!(
            keys(&plan, &tree, &rows),
            [
                ("area:I".into(), 1),
                ("programme:p".into(), 1),
                ("project:I.1".into(), 1),
                ("I.1.2".into(), 1),
                ("area:".into(), 1),
                ("project:I.9".into(), 1),
                ("I.9.1".into(), 1),
            ]
        );
        let collapsed: HashSet<String> = ["programme:p".to_string()].into();
        let rows = tree.visible(&matches, true, &collapsed);
        assert_eq!(rows.len(), 5);
        assert!(rows[1].collapsed);

        let text = Filter {
            text: "TITLE OF I.1.2".into(),
            ..Filter::default()
        };
        let haystacks: Vec<String> = plan.activities.iter().map(haystack).collect();
        assert_eq!(text.matches(&plan, Some(&haystacks)), [false, true, false]);
    }
}
