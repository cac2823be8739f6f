import { ReactNode } from 'react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@material-ui/icons/KeyboardArrowRight';
import { carvelTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  message: {
    margin: 0,
    padding: theme.spacing(1, 2),
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    fontFamily: 'monospace',
    fontSize: theme.typography.body2.fontSize,
    backgroundColor: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
  },
}));

export function ExpandToggle(props: {
  expanded: boolean;
  onToggle: () => void;
  label: string;
}) {
  const { t } = useTranslationRef(carvelTranslationRef);
  return (
    <IconButton
      size="small"
      aria-expanded={props.expanded}
      aria-label={t(props.expanded ? 'message.hide' : 'message.show', {
        label: props.label,
      })}
      onClick={props.onToggle}
    >
      {props.expanded ? <KeyboardArrowDownIcon /> : <KeyboardArrowRightIcon />}
    </IconButton>
  );
}

/** A table row under an expandable row, holding a controller's message verbatim. */
export function ExpandedMessageRow(props: {
  expanded: boolean;
  columns: number;
  message?: string;
  footer?: ReactNode;
}) {
  const classes = useStyles();
  return (
    <TableRow>
      <TableCell
        colSpan={props.columns}
        style={{ paddingTop: 0, paddingBottom: 0 }}
      >
        <Collapse in={props.expanded} timeout="auto" unmountOnExit>
          <Box marginY={1}>
            {props.message && (
              <pre className={classes.message}>{props.message}</pre>
            )}
            {props.footer}
          </Box>
        </Collapse>
      </TableCell>
    </TableRow>
  );
}
