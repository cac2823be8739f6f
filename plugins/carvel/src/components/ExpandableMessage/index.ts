export { ExpandToggle, ExpandedMessageRow } from './ExpandableMessage';
